# ruff: noqa: E501
"""(a) Old table-layout ASP site of Quận Lê Chân, Hải Phòng (2017): <font> tags, date in <i>
under the title, bold right-aligned byline, "Trang: 1 2 »", some pages in windows-1258."""

from __future__ import annotations

import datetime as dt

from _common import Article, Site, Truth, dmy, esc, weekday

D = dt.date
CP = "windows-1258"

ARTICLES = [
    Article(
        "1203",
        "/newsdetail.asp?ID=1203&CatID=5",
        "Phường An Biên tổ chức Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân",
        D(2017, 3, 15),
        "Cập nhật: 15/03/2017 15:45",
        "Chiều ngày 10/3/2017, tại Hội trường UBND phường An Biên, Đảng ủy – HĐND – UBND – UBMTTQ phường tổ chức Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân năm 2017.",
        [
            "Tham dự Hội nghị có đồng chí Vũ Thị Hương – Phó Chủ tịch UBND quận Lê Chân; đồng chí Trần Văn Thắng – Bí thư Đảng ủy phường An Biên; đồng chí Nguyễn Đức Long – Chủ tịch UBND phường cùng hơn 150 đại biểu là đại diện các tổ dân phố, hộ kinh doanh trên địa bàn.",
            "Tại Hội nghị, nhân dân đã nêu 18 ý kiến tập trung vào các vấn đề: trật tự đô thị, vệ sinh môi trường, cải tạo hệ thống thoát nước ngõ 52 phố Lam Sơn, cấp giấy chứng nhận quyền sử dụng đất... Các ý kiến đã được lãnh đạo phường trả lời trực tiếp, cụ thể tại Hội nghị; những nội dung vượt thẩm quyền được tiếp thu, tổng hợp báo cáo cấp trên.",
        ],
        "Minh Ngọc - UBND phường An Biên",
        "An Biên",
        Truth(
            "2017-03-15T15:45:00+07:00", "Minh Ngọc", "UBND phường An Biên", "11371", "2017-03-10"
        ),
        {"charset": CP},
    ),
    Article(
        "1207",
        "/newsdetail.asp?ID=1207&CatID=5",
        "Phường Dư Hàng Kênh ra quân tổng vệ sinh môi trường hưởng ứng Ngày Nước thế giới",
        D(2017, 3, 24),
        "Cập nhật: 24/03/2017 08:05",
        "Sáng 19/3, hơn 300 đoàn viên thanh niên, hội viên các đoàn thể và nhân dân phường Dư Hàng Kênh đã tham gia ra quân tổng vệ sinh môi trường hưởng ứng Ngày Nước thế giới 22/3.",
        [
            "Các lực lượng đã tập trung thu gom rác thải, phát quang bụi rậm, nạo vét cống rãnh tại khu vực mương An Kim Hải và các tuyến đường Nguyễn Văn Linh, Hồ Sen. Đồng chí Phạm Văn Hòa – Phó Chủ tịch UBND phường trực tiếp kiểm tra, đôn đốc các lực lượng.",
            "Thông qua hoạt động nhằm nâng cao ý thức của người dân trong việc giữ gìn vệ sinh môi trường, sử dụng tiết kiệm, hiệu quả nguồn nước sạch.",
        ],
        "Hoài Thu - Đoàn phường Dư Hàng Kênh",
        "Dư Hàng Kênh",
        Truth(
            "2017-03-24T08:05:00+07:00",
            "Hoài Thu",
            "Đoàn phường Dư Hàng Kênh",
            "11404",
            "2017-03-19",
        ),
        {"charset": CP},
    ),
    Article(
        "1220",
        "/newsdetail.asp?ID=1220&CatID=5",
        "Phường Kênh Dương kỷ niệm 86 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh",
        D(2017, 3, 27),
        "Cập nhật: 27/03/2017 16:40",
        "Tối ngày 25/3/2017, Đoàn phường Kênh Dương tổ chức Lễ kỷ niệm 86 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh (26/3/1931 – 26/3/2017) và tuyên dương đoàn viên thanh niên tiêu biểu.",
        [
            "Dự buổi lễ có đồng chí Bùi Minh Tuấn – Phó Bí thư Quận đoàn Lê Chân; đồng chí Ngô Văn Bình – Phó Bí thư Thường trực Đảng ủy phường Kênh Dương.",
            "Dịp này, Đoàn phường đã trao giấy khen cho 3 tập thể và 15 đoàn viên có thành tích xuất sắc trong công tác Đoàn và phong trào thanh thiếu nhi năm 2016.",
        ],
        "Phạm Tuấn, Lê Hằng",
        "Kênh Dương",
        Truth("2017-03-27T16:40:00+07:00", "Phạm Tuấn, Lê Hằng", None, "11405", "2017-03-25"),
        {"charset": CP},
    ),
    Article(
        "1211",
        "/newsdetail.asp?ID=1211&CatID=5",
        "Phường Hàng Kênh sơ kết công tác quý I năm 2017",
        D(2017, 4, 5),
        "Cập nhật: 05/04/2017",
        "Ngày 31/3/2017, Đảng ủy – HĐND – UBND phường Hàng Kênh tổ chức hội nghị sơ kết công tác quý I, triển khai nhiệm vụ trọng tâm quý II năm 2017.",
        [
            "Đồng chí Lê Thị Thu Hằng – Bí thư Đảng ủy phường chủ trì hội nghị. Trong quý I, phường đã hoàn thành 28% kế hoạch thu ngân sách năm; tổ chức thành công Lễ giao nhận quân với 14 thanh niên lên đường nhập ngũ; giải quyết đúng hạn 100% hồ sơ thủ tục hành chính.",
            "Quý II, phường tập trung chỉ đạo công tác chỉnh trang đô thị, phối hợp giải phóng mặt bằng dự án cải tạo đường Trần Nguyên Hãn, duy trì trật tự an toàn giao thông tại khu vực chợ Hàng Kênh.",
        ],
        "Thanh Hải",
        "Hàng Kênh",
        Truth("2017-04-05", "Thanh Hải", None, "11395", "2017-03-31"),
    ),
    Article(
        "1215",
        "/newsdetail.asp?ID=1215&CatID=5",
        "Phường Vĩnh Niệm tuyên truyền phòng, chống dịch bệnh mùa hè",
        D(2017, 4, 18),
        "Cập nhật: 18/04/2017 10:20",
        "Nhằm chủ động phòng, chống các dịch bệnh thường gặp trong mùa hè như sốt xuất huyết, tay chân miệng, tiêu chảy cấp, thời gian qua Trạm Y tế phường Vĩnh Niệm đã phối hợp với các ban ngành, đoàn thể đẩy mạnh công tác tuyên truyền đến từng hộ gia đình.",
        [
            "Trạm Y tế phường đã phát hơn 2.000 tờ rơi, tổ chức 12 buổi nói chuyện chuyên đề tại các tổ dân phố; hệ thống loa truyền thanh phát bản tin tuyên truyền vào sáng thứ Hai và thứ Sáu hằng tuần. Bác sĩ Đỗ Thị Mai – Trạm trưởng Trạm Y tế phường cho biết, từ đầu năm đến nay trên địa bàn chưa ghi nhận ổ dịch nào.",
            "Thời gian tới, phường tiếp tục duy trì chiến dịch diệt bọ gậy, vệ sinh môi trường vào ngày Chủ nhật cuối tháng.",
        ],
        "CTV Hoàng Lan",
        "Vĩnh Niệm",
        Truth("2017-04-18T10:20:00+07:00", "Hoàng Lan", None, "11407", None),
    ),
    Article(
        "1224",
        "/newsdetail.asp?ID=1224&CatID=5",
        "Phường Trần Nguyên Hãn ra mắt Câu lạc bộ dưỡng sinh người cao tuổi",
        D(2017, 5, 2),
        "Cập nhật: 02/05/2017 09:10",
        "Sáng ngày 28/4, Hội Người cao tuổi phường Trần Nguyên Hãn tổ chức ra mắt Câu lạc bộ dưỡng sinh với 45 hội viên tham gia.",
        [
            "Phát biểu tại buổi lễ, đồng chí Hoàng Văn Sơn – Chủ tịch Hội Người cao tuổi phường cho biết, Câu lạc bộ duy trì sinh hoạt vào 5 giờ 30 sáng hằng ngày tại sân nhà văn hóa tổ dân phố số 9.",
            "Đồng chí Vũ Thị Thanh – Phó Chủ tịch UBND phường đề nghị Câu lạc bộ xây dựng quy chế hoạt động, thu hút thêm nhiều hội viên tham gia rèn luyện sức khỏe.",
        ],
        "Đức Anh - Hội NCT phường Trần Nguyên Hãn",
        "Trần Nguyên Hãn",
        Truth(
            "2017-05-02T09:10:00+07:00",
            "Đức Anh",
            "Hội NCT phường Trần Nguyên Hãn",
            "11383",
            "2017-04-28",
        ),
        {"charset": CP},
    ),
    Article(
        "1229",
        "/newsdetail.asp?ID=1229&CatID=5",
        "Hội LHPN phường An Biên tổ chức tọa đàm “Phụ nữ với pháp luật”",
        D(2017, 5, 10),
        "Cập nhật: 10/05/2017 14:00",
        "Chiều 8-5, Hội Liên hiệp phụ nữ phường An Biên tổ chức buổi tọa đàm “Phụ nữ với pháp luật” thu hút hơn 100 hội viên tham dự.",
        [
            "Tại buổi tọa đàm, luật sư Nguyễn Thị Hạnh – Đoàn Luật sư thành phố Hải Phòng đã giới thiệu những nội dung cơ bản của Luật Hôn nhân và gia đình, Luật Phòng, chống bạo lực gia đình và giải đáp nhiều câu hỏi của hội viên.",
            "Đồng chí Đào Thị Lan – Chủ tịch Hội LHPN phường đề nghị các chi hội tiếp tục tuyên truyền, phổ biến pháp luật tới hội viên trong các buổi sinh hoạt định kỳ.",
        ],
        "Nguyễn Thị Lụa - Hội LHPN phường An Biên",
        "An Biên",
        Truth(
            "2017-05-10T14:00:00+07:00",
            "Nguyễn Thị Lụa",
            "Hội LHPN phường An Biên",
            "11371",
            "2017-05-08",
        ),
    ),
    Article(
        "1233",
        "/newsdetail.asp?ID=1233&CatID=5",
        "Phường Vĩnh Niệm tổ chức Ngày hội đọc sách cho thiếu nhi",
        D(2017, 5, 11),
        "Cập nhật: 11/05/2017 15:05:27",
        "Ngày 9/5, Đoàn phường Vĩnh Niệm phối hợp Thư viện quận Lê Chân tổ chức Ngày hội đọc sách cho hơn 200 thiếu nhi trên địa bàn.",
        [
            "Tại Ngày hội, các em được tham quan tủ sách lưu động, tham gia trò chơi “Rung chuông vàng” về kiến thức sách và giao lưu với các bạn đọc nhỏ tuổi tiêu biểu. Đồng chí Nguyễn Thị Thúy – Phó Chủ tịch UBND phường trao 50 suất quà cho các em có thành tích tốt trong học tập.",
            "Dịp này, Thư viện quận đã trao tặng Đoàn phường 300 đầu sách thiếu nhi.",
        ],
        "Vũ Hoàng – Phòng Văn hóa và Thông tin quận",
        "Vĩnh Niệm",
        Truth(
            "2017-05-11T15:05:27+07:00",
            "Vũ Hoàng",
            "Phòng Văn hóa và Thông tin quận",
            "11407",
            "2017-05-09",
        ),
    ),
]

TODAY = D(2017, 5, 12)
SUMMARY_CHARS = 160


def rel(a: Article) -> str:
    # Old ASP pages link relatively, with a raw "&" in the href (valid enough for browsers).
    return a.path.lstrip("/")


def frame(title: str, center: str, charset: str, newest: list[Article]) -> str:
    """The whole table layout around the centre column."""
    tin_moi = "".join(
        f'<tr><td valign="top"><img src="images/bullet.gif" width="5" height="5"></td>'
        f'<td><a href="{rel(a)}" class="tinmoi"><font face="Arial" size="2" color="#003366">{esc(a.title)}</font></a> '
        f'<font size="1" color="#999999">({dmy(a.day)})</font></td></tr>'
        for a in newest
    )
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>UBND Quận Lê Chân - {esc(title)}</title>
<link href="css/style.css" rel="stylesheet" type="text/css">
<script language="JavaScript" src="js/menu.js"></script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td colspan="3"><img src="images/banner_lechan.jpg" width="980" height="150" alt="Cổng thông tin điện tử Quận Lê Chân - Thành phố Hải Phòng"></td></tr>
  <tr bgcolor="#003399">
    <td colspan="3" height="26"><font face="Arial" size="2" color="#FFFFFF"><b>&nbsp;{weekday(TODAY)}, ngày {TODAY.day} tháng {TODAY.month} năm {TODAY.year}</b></font>
    &nbsp;|&nbsp; <a href="default.asp"><font color="#FFFFFF" face="Arial" size="2">Trang chủ</font></a>
    &nbsp;|&nbsp; <a href="gioithieu.asp"><font color="#FFFFFF" face="Arial" size="2">Giới thiệu</font></a>
    &nbsp;|&nbsp; <a href="news.asp?CatID=1"><font color="#FFFFFF" face="Arial" size="2">Tin tức - Sự kiện</font></a>
    &nbsp;|&nbsp; <a href="news.asp?CatID=5"><font color="#FFFF00" face="Arial" size="2"><b>Tin phường</b></font></a>
    &nbsp;|&nbsp; <a href="vanban.asp"><font color="#FFFFFF" face="Arial" size="2">Văn bản</font></a>
    &nbsp;|&nbsp; <a href="lienhe.asp"><font color="#FFFFFF" face="Arial" size="2">Liên hệ</font></a></td>
  </tr>
  <tr>
    <td width="190" valign="top" bgcolor="#EEF3FB">
      <table width="100%" border="0" cellspacing="0" cellpadding="4">
        <tr><td bgcolor="#3366CC"><font face="Arial" size="2" color="#FFFFFF"><b>CHUYÊN MỤC</b></font></td></tr>
        <tr><td><a href="news.asp?CatID=1"><font face="Arial" size="2">» Tin tức - Sự kiện</font></a></td></tr>
        <tr><td><a href="news.asp?CatID=5"><font face="Arial" size="2">» Tin phường</font></a></td></tr>
        <tr><td><a href="news.asp?CatID=7"><font face="Arial" size="2">» Cải cách hành chính</font></a></td></tr>
        <tr><td><a href="vanban.asp"><font face="Arial" size="2">» Văn bản chỉ đạo điều hành</font></a></td></tr>
        <tr><td bgcolor="#3366CC"><font face="Arial" size="2" color="#FFFFFF"><b>THỜI TIẾT</b></font></td></tr>
        <tr><td><font face="Arial" size="2">Hải Phòng: 24°C - 29°C<br>Có mây, không mưa</font></td></tr>
        <tr><td bgcolor="#3366CC"><font face="Arial" size="2" color="#FFFFFF"><b>LIÊN KẾT WEBSITE</b></font></td></tr>
        <tr><td><select name="lienket" onchange="window.open(this.value)"><option value="">-- Chọn liên kết --</option><option value="http://haiphong.gov.vn">Cổng TTĐT thành phố Hải Phòng</option><option value="http://www.chinhphu.vn">Cổng TTĐT Chính phủ</option></select></td></tr>
      </table>
    </td>
    <td width="590" valign="top">
{center}
    </td>
    <td width="200" valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="3">
        <tr><td colspan="2" bgcolor="#CC0000"><font face="Arial" size="2" color="#FFFFFF"><b>TIN MỚI</b></font></td></tr>
{tin_moi}
        <tr><td colspan="2"><br><font face="Arial" size="1">Lượt truy cập: 1.287.354</font></td></tr>
      </table>
    </td>
  </tr>
  <tr bgcolor="#003399">
    <td colspan="3" align="center"><font face="Arial" size="1" color="#FFFFFF">
      CỔNG THÔNG TIN ĐIỆN TỬ QUẬN LÊ CHÂN - THÀNH PHỐ HẢI PHÒNG<br>
      Cơ quan chủ quản: UBND quận Lê Chân. Địa chỉ: Số 11 Hồ Sen, phường Trại Cau, quận Lê Chân, thành phố Hải Phòng<br>
      Điện thoại: (0225) 3.857.135 - Fax: (0225) 3.857.142 - Email: ubndlechan@haiphong.gov.vn<br>
      Copyright © 2009 - 2017. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</font></td>
  </tr>
</table>
</body>
</html>
"""


def article_center(a: Article, others: list[Article]) -> str:
    paras = "".join(f'<p align="justify">{esc(p)}</p>\n' for p in [a.lead, *a.paras])
    byline = f'<p align="right"><b>{esc(a.byline)}</b></p>\n' if a.byline else ""
    khac = "".join(
        f'&nbsp;-&nbsp;<a href="{rel(o)}"><font face="Arial" size="2">{esc(o.title)}</font></a> '
        f'<font size="1" color="#999999">({dmy(o.day)})</font><br>\n'
        for o in others
    )
    return f"""      <table width="100%" border="0" cellspacing="0" cellpadding="5">
        <tr><td><font face="Arial" size="1" color="#666666">Trang chủ » <a href="news.asp?CatID=5">Tin phường</a></font></td></tr>
        <tr><td><font face="Arial" size="3" color="#003399"><b>{esc(a.title)}</b></font><br>
        <i><font face="Arial" size="2" color="#666666">{esc(a.date_raw)}</font></i></td></tr>
        <tr><td><font face="Arial" size="2">
{paras}{byline}        </font></td></tr>
        <tr><td align="right"><a href="javascript:window.print()"><font face="Arial" size="1">[In bài]</font></a> <a href="javascript:history.back()"><font face="Arial" size="1">[Quay lại]</font></a></td></tr>
        <tr><td><font face="Arial" size="2" color="#CC0000"><b>Các tin khác:</b></font><br>
{khac}        </td></tr>
      </table>"""


def listing_center(items: list[Article], page: int, pages: int) -> str:
    rows = []
    for a in items:
        summary = (
            a.lead
            if len(a.lead) <= SUMMARY_CHARS
            else a.lead[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "..."
        )
        rows.append(
            f"""        <table width="100%" border="0" cellspacing="0" cellpadding="4">
          <tr><td width="110" valign="top"><a href="{rel(a)}"><img src="upload/news/{a.key}.jpg" width="100" height="75" border="0"></a></td>
          <td valign="top"><a href="{rel(a)}" class="tieude"><font face="Arial" size="2" color="#003399"><b>{esc(a.title)}</b></font></a>
          <font face="Arial" size="1" color="#999999">({dmy(a.day)})</font><br>
          <font face="Arial" size="2">{esc(summary)}</font></td></tr>
        </table><hr size="1" color="#CCCCCC">"""
        )
    nav = ["Trang: "]
    for n in range(1, pages + 1):
        href = "news.asp?CatID=5" if n == 1 else f"news.asp?CatID=5&page={n}"
        nav.append(f"<b>[{n}]</b> " if n == page else f'<a href="{href}">{n}</a> ')
    if page > 1:
        nav.insert(1, '<a href="news.asp?CatID=5">«</a> ')
    if page < pages:
        nav.append(f'<a href="news.asp?CatID=5&page={page + 1}">»</a>')
    return f"""      <table width="100%" border="0" cellspacing="0" cellpadding="5">
        <tr><td><font face="Arial" size="1" color="#666666">Trang chủ » Tin phường</font></td></tr>
        <tr><td bgcolor="#EEF3FB"><font face="Arial" size="3" color="#CC0000"><b>TIN PHƯỜNG</b></font></td></tr>
      </table>
{chr(10).join(rows)}
      <p align="center"><font face="Arial" size="2">{"".join(nav)}</font></p>"""


def build() -> tuple[Site, list[Article]]:
    site = Site("lechan", "Quận Lê Chân", "Thành phố Hải Phòng", "/news.asp?CatID=5")
    newest = sorted(ARTICLES, key=lambda a: a.day, reverse=True)
    pages = [newest[:4], newest[4:]]
    for n, items in enumerate(pages, 1):
        charset = CP if n == 1 else "utf-8"
        paths = (
            ["/news.asp?CatID=5", "/news.asp?CatID=5&page=1"]
            if n == 1
            else [f"/news.asp?CatID=5&page={n}"]
        )
        site.add(
            paths,
            f"listing-{n}.html",
            frame("Tin phường", listing_center(items, n, len(pages)), charset, newest[:5]),
            charset,
        )
    for a in ARTICLES:
        charset = a.extra.get("charset", "utf-8")
        others = [o for o in newest if o is not a][:5]
        site.add(
            a.path, a.file, frame(a.title, article_center(a, others), charset, newest[:5]), charset
        )
    return site, ARTICLES
