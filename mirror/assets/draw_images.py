"""Draw the placeholder photos and banners under mirror/assets/ (run once; needs Pillow).

    pip install pillow && python mirror/assets/draw_images.py

mirror.generate only copies the JPEGs this wrote; it never runs this script, so the
project does not depend on Pillow.
"""

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = str(Path(__file__).resolve().parent / "photos") + "/"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
W, H = 640, 400


def people(d, rng, y0, n, scale=1.0, colors=None):
    for _ in range(n):
        x = rng.randint(0, W)
        y = y0 + rng.randint(-10, 30)
        s = scale * rng.uniform(0.8, 1.2)
        c = rng.choice(
            colors or [(40, 60, 120), (200, 200, 210), (150, 30, 30), (30, 90, 50), (230, 230, 235)]
        )
        d.rectangle([x - 14 * s, y, x + 14 * s, y + 60 * s], fill=c)
        d.ellipse(
            [x - 9 * s, y - 20 * s, x + 9 * s, y],
            fill=(rng.randint(190, 225), rng.randint(150, 180), rng.randint(120, 150)),
        )
        d.pieslice([x - 10 * s, y - 22 * s, x + 10 * s, y - 4 * s], 180, 360, fill=(20, 20, 20))


def banner(d, text, box, fill=(180, 20, 20), color=(255, 220, 60), size=30):
    d.rectangle(box, fill=fill)
    f = ImageFont.truetype(FONT, size)
    tw = d.textlength(text, font=f)
    d.text(
        ((box[0] + box[2] - tw) / 2, box[1] + (box[3] - box[1] - size) / 2),
        text,
        font=f,
        fill=color,
    )


def finish(img, name, rng):
    px = img.load()
    for _ in range(9000):
        x, y = rng.randrange(W), rng.randrange(H)
        r, g, b = px[x, y]
        k = rng.randint(-18, 18)
        px[x, y] = (max(0, min(255, r + k)), max(0, min(255, g + k)), max(0, min(255, b + k)))
    img = img.filter(ImageFilter.GaussianBlur(1.1)).resize((480, 300), Image.LANCZOS)
    img.save(OUT + name, "JPEG", quality=45, optimize=True, progressive=True)


scenes = []


def scene(f):
    scenes.append(f)
    return f


@scene
def hoi_nghi(rng):
    img = Image.new("RGB", (W, H), (235, 225, 200))
    d = ImageDraw.Draw(img)
    banner(d, "HỘI NGHỊ TỔNG KẾT", (60, 30, 580, 150))
    d.rectangle([280, 160, 360, 260], fill=(120, 70, 30))
    people(d, rng, 270, 28)
    return img


@scene
def ve_sinh(rng):
    img = Image.new("RGB", (W, H), (160, 200, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 230, W, H], fill=(110, 110, 115))
    for x in range(0, W, 90):
        d.rectangle([x + 30, 120, x + 40, 240], fill=(90, 60, 30))
        d.ellipse([x, 60, x + 70, 150], fill=(40, 120, 50))
    people(d, rng, 250, 14, 1.3, [(240, 200, 30), (30, 120, 60), (40, 80, 160)])
    return img


@scene
def tang_qua(rng):
    img = Image.new("RGB", (W, H), (225, 215, 190))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 170], fill=(200, 180, 150))
    d.rectangle([420, 60, 540, 150], fill=(170, 30, 30))
    people(d, rng, 200, 5, 2.0)
    for i in range(4):
        d.rectangle([150 + i * 90, 300, 210 + i * 90, 360], fill=(200, 20, 30))
    return img


@scene
def dai_doan_ket(rng):
    img = Image.new("RGB", (W, H), (150, 190, 230))
    d = ImageDraw.Draw(img)
    banner(d, "NGÀY HỘI ĐẠI ĐOÀN KẾT", (40, 40, 600, 130), size=32)
    for x in range(40, 600, 60):
        d.line([x, 140, x, 200], fill=(80, 80, 80), width=3)
        d.rectangle([x, 140, x + 30, 160], fill=(220, 20, 20))
    people(d, rng, 250, 30, 1.0)
    return img


@scene
def hien_mau(rng):
    img = Image.new("RGB", (W, H), (240, 240, 245))
    d = ImageDraw.Draw(img)
    banner(
        d,
        "HIẾN MÁU TÌNH NGUYỆN",
        (80, 20, 560, 90),
        fill=(200, 30, 40),
        color=(255, 255, 255),
        size=28,
    )
    for i in range(3):
        d.rectangle(
            [60 + i * 190, 240, 210 + i * 190, 290], fill=(250, 250, 250), outline=(150, 150, 160)
        )
    people(d, rng, 170, 8, 1.1, [(250, 250, 250), (60, 120, 200)])
    return img


@scene
def trung_thu(rng):
    img = Image.new("RGB", (W, H), (20, 30, 70))
    d = ImageDraw.Draw(img)
    for _ in range(14):
        x, y = rng.randint(0, W), rng.randint(20, 200)
        c = rng.choice([(250, 80, 40), (250, 200, 40), (240, 60, 120)])
        d.ellipse([x, y, x + 40, y + 40], fill=c)
    people(d, rng, 260, 22, 0.9)
    return img


@scene
def kiem_tra(rng):
    img = Image.new("RGB", (W, H), (210, 200, 185))
    d = ImageDraw.Draw(img)
    for r in range(4):
        d.rectangle([40, 40 + r * 80, 600, 50 + r * 80], fill=(120, 90, 60))
        for k in range(12):
            d.rectangle(
                [50 + k * 46, 10 + r * 80 - 0, 80 + k * 46, 40 + r * 80],
                fill=(rng.randint(60, 250), rng.randint(60, 250), rng.randint(60, 250)),
            )
    people(d, rng, 280, 4, 1.8, [(30, 60, 120), (230, 230, 235)])
    return img


@scene
def bau_cu(rng):
    img = Image.new("RGB", (W, H), (230, 220, 200))
    d = ImageDraw.Draw(img)
    banner(d, "KHU VỰC BỎ PHIẾU SỐ 3", (60, 30, 580, 110), size=30)
    d.rectangle([270, 200, 370, 300], fill=(200, 20, 20))
    d.rectangle([300, 195, 340, 205], fill=(30, 30, 30))
    people(d, rng, 230, 10, 1.2)
    return img


@scene
def giao_quan(rng):
    img = Image.new("RGB", (W, H), (170, 200, 230))
    d = ImageDraw.Draw(img)
    banner(d, "LỄ GIAO NHẬN QUÂN", (100, 30, 540, 110), size=30)
    people(d, rng, 220, 24, 1.0, [(60, 100, 50), (70, 110, 60)])
    return img


@scene
def chup_anh(rng):
    img = Image.new("RGB", (W, H), (220, 210, 190))
    d = ImageDraw.Draw(img)
    banner(d, "CHÀO MỪNG", (80, 30, 560, 120), size=40)
    people(d, rng, 180, 14, 1.1)
    people(d, rng, 250, 16, 1.2)
    return img


for i, f in enumerate(scenes, 1):
    rng = random.Random(i)
    finish(f(rng), f"anh-{i:02d}.jpg", rng)

items = {
    "haibatrung": (
        "CỔNG GIAO TIẾP ĐIỆN TỬ QUẬN HAI BÀ TRƯNG",
        "THÀNH PHỐ HÀ NỘI",
        (170, 25, 25),
        (255, 222, 90),
    ),
    "phuong-wp": (
        "ỦY BAN NHÂN DÂN PHƯỜNG THẠCH THANG",
        "QUẬN HẢI CHÂU - THÀNH PHỐ ĐÀ NẴNG",
        (20, 80, 150),
        (255, 255, 255),
    ),
    "phuong-joomla": (
        "TRANG THÔNG TIN ĐIỆN TỬ PHƯỜNG 25",
        "QUẬN BÌNH THẠNH - THÀNH PHỐ HỒ CHÍ MINH",
        (0, 110, 90),
        (255, 240, 160),
    ),
    "eportal-dnn": (
        "CỔNG THÔNG TIN ĐIỆN TỬ THÀNH PHỐ THỦ DẦU MỘT",
        "TỈNH BÌNH DƯƠNG",
        (10, 70, 130),
        (255, 230, 120),
    ),
}
for name, (l1, l2, bg, fg) in items.items():
    W, H = 1000, 120
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)
    for i in range(H):
        c = tuple(min(255, int(v * (1.0 + 0.35 * i / H))) for v in bg)
        d.line([0, i, W, i], fill=c)
    d.ellipse([20, 10, 120, 110], fill=(220, 30, 30), outline=(255, 215, 0), width=4)
    d.regular_polygon((70, 60, 30), 5, fill=(255, 215, 0))
    f1 = ImageFont.truetype(FONT, 30 if len(l1) < 40 else 26)
    f2 = ImageFont.truetype(FONT, 20)
    d.text((145, 25), l1, font=f1, fill=fg)
    d.text((145, 70), l2, font=f2, fill=(255, 255, 255))
    img.save(
        str(Path(__file__).resolve().parent / "banners" / f"{name}.jpg"),
        "JPEG",
        quality=60,
        optimize=True,
    )
