"""Synthetic Vietnamese ward-news text for the benchmarks: a Zipf-weighted vocabulary.

The vocabulary is what ward bulletins are made of (administrative words first, so they
end up in most articles, the way "phường" and "năm" do in the real ones), plus groups of
look-alike tone words (`thể`/`thế`/`thê`, `đảng`/`đang`/`dạng`, `ủy`/`uy`...) that a
diacritic-insensitive index would confuse, plus rare words seeded at known low rates so
that "rare" queries have a predictable number of hits.

`SentencePool(seed)` draws a pool of sentences once; `paragraphs(rng, n)` then assembles
text from the pool, which keeps generating a million articles fast while the word
frequencies stay Zipfian.
"""

from __future__ import annotations

import random
from itertools import accumulate

__all__ = [
    "COMMON",
    "LOOKALIKES",
    "RARE",
    "SentencePool",
    "given_names",
    "place_names",
]

# Most frequent first (Zipf rank = position). Multi-syllable words count as one draw.
COMMON = [
    w.strip()
    for w in """
phường, năm, của, và, các, trên địa bàn, công tác, cán bộ, nhân dân, đã, được, với, trong,
thực hiện, UBND, tổ chức, đồng chí, Đảng ủy, chủ tịch, hội nghị, phong trào, xây dựng,
tổ dân phố, triển khai, kế hoạch, đảm bảo, an ninh trật tự, vệ sinh môi trường,
người dân, cho, tại, là, có, này, những, một, đơn vị, nhiệm vụ, kết quả, hoạt động,
tuyên truyền, quận, thành phố, Hà Nội, văn hóa, gia đình, khu dân cư, thi đua, khen thưởng,
chính quyền, Mặt trận Tổ quốc, Hội Phụ nữ, Đoàn Thanh niên, Hội Cựu chiến binh,
công an phường, quân sự, y tế, giáo dục, trường học, học sinh, chương trình, nội dung,
phát động, hưởng ứng, tham gia, đóng góp, ý kiến, cử tri, đại biểu, HĐND, lãnh đạo,
thường trực, ban chỉ đạo, kiểm tra, giám sát, chấp hành, pháp luật, quy định,
nâng cao, chất lượng, hiệu quả, tiếp tục, đẩy mạnh, tăng cường, phối hợp, lực lượng,
an toàn thực phẩm, phòng cháy chữa cháy, phòng chống dịch bệnh, tiêm chủng,
hộ gia đình, người cao tuổi, gia đình chính sách, thương binh, liệt sĩ,
trao tặng, quà, hỗ trợ, khó khăn, hộ nghèo, cận nghèo, an sinh xã hội,
lòng đường, vỉa hè, lấn chiếm, trật tự đô thị, giải tỏa, xử lý, vi phạm,
sáng ngày, chiều ngày, tối ngày, tháng, quý, đầu năm, cuối năm, sơ kết, tổng kết,
báo cáo, đánh giá, rút kinh nghiệm, đề ra, phương hướng, giải pháp, trọng tâm
""".split(",")
]

# Look-alike tone groups: words that differ only by diacritics (or đ/d). Each appears
# often enough to be a realistic query, and they must never match each other.
LOOKALIKES = [
    ["thể", "thế", "thê", "thè"],
    ["đảng", "đang", "dạng", "dáng"],
    ["ủy", "uy", "úy"],
    ["ban", "bàn", "bán", "bản", "bạn"],
    ["hội", "hồi", "hơi", "hỏi"],
    ["dân", "dần", "dẫn", "dận"],
    ["tổ", "tờ", "tô", "tỏ"],
    ["cơ", "cờ", "cỡ", "có"],
    ["mai", "mái", "mãi", "mại"],
    ["khoa", "khóa", "khỏa"],
    ["đồng", "đông", "dòng", "dông"],
    ["an", "ăn", "ân", "ấn"],
    ["nam", "năm", "nằm", "nắm"],
    ["bà", "ba", "bá", "bả"],
    ["đến", "đền", "đèn", "dền"],
    ["điện", "diện", "điền", "diễn"],
    ["tâm", "tầm", "tấm", "tăm"],
    ["lương", "lượng", "luống"],
]

# Rare words, each put into this many pool sentences (of 40,000). Text is assembled from
# the pool, so a sentence comes back about 375 times per million articles: a rare word
# ends up in a few hundred articles of a million (well under 0.1%).
RARE = {
    "khuỷu": 1,
    "nghêu": 1,
    "quýnh": 1,
    "ngoằn": 2,
    "thạch sùng": 1,
    "đồng dao": 2,
    "chuồn chuồn": 1,
    "bồ kết": 1,
    "xuyến chi": 1,
    "ốc nhồi": 2,
    "lộc vừng": 3,
    "cây gạo": 3,
    "rươi": 1,
    "vó bè": 1,
    "giếng khơi": 2,
    "mõ làng": 1,
    "trống đồng": 2,
}

FAMILY = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh "
    "Đoàn Trịnh Lương Mai Tạ Cao Chu Khuất Kiều Lã Tô"
).split()
MIDDLE = "Văn Thị Đức Minh Thanh Hồng Ngọc Quang Xuân Thu Hữu Kim Bích Công Đình".split()
GIVEN = (
    "An Anh Bình Cường Dũng Duy Đạt Giang Hà Hải Hạnh Hiền Hiếu Hoa Hòa Hùng Hương "
    "Huy Khang Khánh Lan Linh Long Mai Minh Nam Nga Ngân Nhung Phong Phúc Phương "
    "Quân Quỳnh Sơn Tâm Thảo Thắng Thủy Trang Trung Tuấn Tùng Vân Việt Yến Thuận"
).split()
PLACE = (
    "Bách Khoa Bạch Đằng Bạch Mai Cầu Dền Đống Mác Đồng Nhân Đồng Tâm Lê Đại Hành "
    "Minh Khai Ngô Thì Nhậm Phố Huế Quỳnh Lôi Quỳnh Mai Thanh Lương Thanh Nhàn "
    "Trương Định Vĩnh Tuy Kim Liên Khương Mai Thịnh Quang Láng Hạ Ô Chợ Dừa Văn Miếu "
    "Hàng Bông Hàng Bài Tràng Tiền Cửa Nam Điện Biên Quán Thánh Trúc Bạch Yên Phụ "
    "Thụy Khuê Bưởi Nghĩa Đô Dịch Vọng Mai Dịch Yên Hòa Trung Hòa Nhân Chính Khương "
    "Trung Hạ Đình Phương Liệt Tương Mai Hoàng Liệt Định Công Giáp Bát Lĩnh Nam "
    "Thạch Thang Hải Châu Phước Ninh Hòa Cường Bình Hiên Thuận Phước Tân Định Đa Kao "
    "Bến Nghé Cầu Kho Cô Giang Nguyễn Cư Trinh Phạm Ngũ Lão Bến Thành"
).split()


def given_names(rng: random.Random, n: int) -> list[str]:
    """Distinct full or pen names: ['Nguyễn Thị Hà', 'Minh Thuận', ...]."""
    out: set[str] = set()
    while len(out) < n:
        if rng.random() < 0.5:
            out.add(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")
        else:
            out.add(f"{rng.choice(GIVEN)} {rng.choice(GIVEN)}")
    return sorted(out)


def place_names(rng: random.Random, n: int) -> list[str]:
    """Distinct two-syllable place names ('Bạch Mai', 'Khương Đình'...)."""
    out: set[str] = set()
    while len(out) < n:
        out.add(f"{rng.choice(PLACE)} {rng.choice(PLACE)}".replace("  ", " "))
    return sorted(out)


class SentencePool:
    """A fixed pool of sentences drawn from the vocabulary; text is assembled from it."""

    def __init__(self, seed: int = 1, size: int = 40_000):
        rng = random.Random(f"vntext|{seed}")
        words = list(COMMON)
        # Look-alikes are interleaved at middling ranks, each group's members spread out.
        for i, group in enumerate(LOOKALIKES):
            for j, word in enumerate(group):
                words.insert(min(len(words), 20 + i * 7 + j * 41), word)
        people = given_names(rng, 400)
        places = place_names(rng, 200)
        weights = [1.0 / (rank + 8) for rank in range(len(words))]
        cum = list(accumulate(weights))
        carriers = {}
        for word, k in RARE.items():
            for index in rng.sample(range(size), k):
                carriers.setdefault(index, []).append(word)
        self.sentences: list[str] = []
        for index in range(size):
            n = rng.randint(9, 26)
            picked = rng.choices(words, cum_weights=cum, k=n)
            r = rng.random()
            if r < 0.25:
                picked.insert(rng.randrange(len(picked)), "đồng chí " + rng.choice(people))
            elif r < 0.45:
                picked.insert(rng.randrange(len(picked)), "phường " + rng.choice(places))
            for word in carriers.get(index, ()):
                picked.insert(rng.randrange(len(picked)), word)
            text = " ".join(picked)
            if rng.random() < 0.3:
                text = text.replace(" ", ", ", 1)
            self.sentences.append(text[0].upper() + text[1:] + ".")
        self.people = people
        self.places = places

    def paragraphs(self, rng: random.Random, n_sentences: int) -> list[str]:
        """`n_sentences` pool sentences grouped into paragraphs of 2 to 5."""
        sentences = rng.choices(self.sentences, k=n_sentences)
        out, i = [], 0
        while i < len(sentences):
            k = rng.randint(2, 5)
            out.append(" ".join(sentences[i : i + k]))
            i += k
        return out
