//! The tables of English words the names are made of.

/// Autonomous kinds, for every level.
pub(super) const AUTONOMOUS: &[(&str, &str)] = &[
    ("自治区", "Autonomous Region"),
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
];

/// Kinds by level: (suffix, English, the fewest characters left before it).
pub(super) const PROVINCE_KINDS: &[(&str, &str, usize)] =
    &[("特别行政区", "", 2), ("省", "Province", 2), ("市", "", 2)];
pub(super) const PREFECTURE_KINDS: &[(&str, &str, usize)] = &[
    ("地区", "Prefecture", 2),
    ("盟", "League", 2),
    ("市", "", 2),
];
pub(super) const COUNTY_KINDS: &[(&str, &str, usize)] = &[
    ("特区", "Special District", 2),
    ("矿区", "Mining District", 2),
    // Not 万柏林区 (Wanbailin District): 神农架林区 only.
    ("林区", "Forestry District", 3),
    ("联合旗", "United Banner", 2),
    ("区", "District", 1),
    ("县", "County", 1),
    ("市", "City", 1),
    ("旗", "Banner", 1),
];

/// Types of development zones and other units named after the places they start with (longest
/// first where one ends another).
pub(super) const ZONES: &[(&str, &str)] = &[
    ("高新技术产业开发区", "Hi-tech Industrial Development Zone"),
    ("高技术产业开发区", "Hi-tech Industrial Development Zone"),
    (
        "经济技术开发区",
        "Economic and Technological Development Zone",
    ),
    ("高新技术产业园区", "Hi-tech Industrial Park"),
    ("高新技术开发区", "Hi-tech Development Zone"),
    (
        "城乡一体化示范区",
        "Urban-Rural Integration Demonstration Zone",
    ),
    (
        "转型综合改革示范区",
        "Transformation and Comprehensive Reform Demonstration Zone",
    ),
    ("经济综合实验区", "Comprehensive Economic Experimental Zone"),
    (
        "综合物流产业聚集区",
        "Integrated Logistics Industry Cluster",
    ),
    (
        "文化旅游创意园区",
        "Cultural Tourism and Creative Industry Park",
    ),
    ("循环化工园区", "Circular Chemical Industry Park"),
    ("现代产业园区", "Modern Industrial Park"),
    ("风景名胜区", "Scenic Area"),
    ("经济开发区", "Economic Development Zone"),
    ("工业园区", "Industrial Park"),
    ("开发区", "Development Zone"),
    ("示范区", "Demonstration Zone"),
    ("管理区", "Administrative Area"),
    ("食品区", "Food Zone"),
    ("新区", "New Area"),
    ("新城", "New City"),
    ("群岛", "Islands"),
];

/// The 56 ethnic groups as autonomous areas name them (without 族), and their official English
/// names; 各 (各族, of several groups) is "Various Nationalities".
pub(super) const ETHNIC: &[(&str, &str)] = &[
    ("维吾尔", "Uygur"),
    ("哈萨克", "Kazak"),
    ("柯尔克孜", "Kirgiz"),
    ("塔吉克", "Tajik"),
    ("乌孜别克", "Uzbek"),
    ("塔塔尔", "Tatar"),
    ("锡伯", "Xibe"),
    ("达斡尔", "Daur"),
    ("鄂温克", "Ewenki"),
    ("鄂伦春", "Oroqen"),
    ("俄罗斯", "Russian"),
    ("赫哲", "Hezhen"),
    ("蒙古", "Mongol"),
    ("土家", "Tujia"),
    ("布依", "Bouyei"),
    ("哈尼", "Hani"),
    ("傈僳", "Lisu"),
    ("拉祜", "Lahu"),
    ("纳西", "Naxi"),
    ("景颇", "Jingpo"),
    ("仫佬", "Mulao"),
    ("毛南", "Maonan"),
    ("仡佬", "Gelao"),
    ("撒拉", "Salar"),
    ("东乡", "Dongxiang"),
    ("保安", "Bonan"),
    ("裕固", "Yugur"),
    ("普米", "Pumi"),
    ("独龙", "Derung"),
    ("阿昌", "Achang"),
    ("德昂", "De'ang"),
    ("基诺", "Jino"),
    ("布朗", "Blang"),
    ("门巴", "Monba"),
    ("珞巴", "Lhoba"),
    ("高山", "Gaoshan"),
    ("朝鲜", "Korean"),
    ("壮", "Zhuang"),
    ("回", "Hui"),
    ("藏", "Tibetan"),
    ("苗", "Miao"),
    ("彝", "Yi"),
    ("侗", "Dong"),
    ("瑶", "Yao"),
    ("白", "Bai"),
    ("傣", "Dai"),
    ("黎", "Li"),
    ("佤", "Va"),
    ("羌", "Qiang"),
    ("土", "Tu"),
    ("水", "Sui"),
    ("满", "Manchu"),
    ("畲", "She"),
    ("怒", "Nu"),
    ("京", "Gin"),
    ("汉", "Han"),
    ("各", "Various Nationalities"),
];

/// A banner's position and wing (科尔沁左翼中旗: 科尔沁, Left, Middle), read from the end of a name
/// whose rest is a listed base name.
pub(super) const POSITIONS: &[(&str, &str)] = &[("前", "Front"), ("中", "Middle"), ("后", "Rear")];
pub(super) const WINGS: &[(&str, &str)] = &[
    ("左翼", "Left"),
    ("右翼", "Right"),
    ("左", "Left"),
    ("右", "Right"),
];
