import type { Availability, KeyGroup, PostStatus, PostType, ResidentStatus, WageUnit } from '@zaogong/shared';

/**
 * The labelled evaluation set of the matcher: realistic 山亭区 residents and posts, and, in both
 * directions, what a liaison who knows these people would pick. The labels were written from the
 * people's point of view before the engine ranked anything, and are not to be tuned to the engine:
 * when the engine disagrees, either the engine is wrong or the label is, and the fix says which.
 *
 * Grades: 3 = the one(s) they would pick first, 2 = good, 1 = acceptable; anything unlisted is 0.
 * A pair that must not be shown (a schedule the person cannot do, work beyond their travel
 * distance, pay far below what they asked) is never labelled, and nobody not looking for work is
 * labelled for a post. Distances the labels assume: 山城街道 and 开发区 are next to each other
 * (~4 km), 西集 ~9 km and 桑村 ~14 km from them, 店子 ~14 km, 北庄/城头/徐庄/凫城 ~20 km or more,
 * 冯卯 ~15 km; 北庄 and 徐庄 are neighbours but their orchards lie 10–15 km apart.
 *
 * Ages and backgrounds are in the comments only: the engine never reads age, gender or ethnicity.
 * Codes are real: 村居/镇街 from regions.data.json, occupation leaves from occupations.data.ts.
 */

/** 3: first pick; 2: good; 1: acceptable. Unlisted pairs are 0. */
export type Grade = 1 | 2 | 3;
export type Labels = Readonly<Record<string, Grade>>;

export interface LatLng {
  lat: number;
  lng: number;
}

export interface EvalResident {
  id: string;
  /** A few words the misses list recognises the person by. */
  who: string;
  townCode: string;
  villageCode: string;
  /** Where the person is (a seeker's phone location); absent for records a liaison keeps. */
  location?: LatLng;
  skills: string[];
  desiredOccupations: string[];
  desiredTownCodes?: string[];
  maxCommuteKm: number | null;
  expectedWage: { amount: number; unit: WageUnit } | null;
  availability: Availability[];
  keyGroups?: KeyGroup[];
  /** Default 'seeking'. */
  status?: ResidentStatus;
  /** The posts this person would take, graded. */
  posts: Labels;
}

export interface EvalPost {
  id: string;
  title: string;
  occupationCode: string;
  skills: string[];
  townCode: string;
  villageCode: string | null;
  location?: LatLng;
  wage: { min: number; max: number; unit: WageUnit };
  type: PostType;
  publishedDaysAgo: number;
  refreshedDaysAgo?: number;
  /** Days from now until it expires (negative: already expired); null for none. */
  expiresInDays: number | null;
  /** Default 'published'. */
  status?: PostStatus;
  openReports?: number;
  /** The people the employer would want, graded (only people looking for work). */
  people: Labels;
}

/** "Now" for the set: 2026-05-20 10:00 in 山亭 (cherry season). */
export const EVAL_NOW = Date.UTC(2026, 4, 20, 2, 0, 0);

// 镇街
const SHANCHENG = '370406001'; // 山城街道
const DIANZI = '370406101'; // 店子镇
const XIJI = '370406102'; // 西集镇
const SANGCUN = '370406103'; // 桑村镇
const BEIZHUANG = '370406104'; // 北庄镇
const CHENGTOU = '370406105'; // 城头镇
const XUZHUANG = '370406106'; // 徐庄镇
const SHUIQUAN = '370406107'; // 水泉镇
const FENGMAO = '370406108'; // 冯卯镇
const FUCHENG = '370406109'; // 凫城镇
const KAIFAQU = '370406405'; // 山亭经济开发区

const at = (lat: number, lng: number): LatLng => ({ lat, lng });
const month = (amount: number) => ({ amount, unit: 'month' as const });
const day = (amount: number) => ({ amount, unit: 'day' as const });
const hour = (amount: number) => ({ amount, unit: 'hour' as const });
const pay = (min: number, max: number, unit: WageUnit) => ({ min, max, unit });

export const EVAL_RESIDENTS: readonly EvalResident[] = [
  // ── welding ──
  {
    // 42, man. Fifteen years welding in 江苏 shipyards (电焊, 二保焊), came home to 苏庄 in 2025 to
    // look after his parents. Registered by the 村 liaison; typed his trade as 烧电焊.
    id: 'R01', who: '返乡电焊工·桑村苏庄',
    townCode: SANGCUN, villageCode: '370406103202',
    skills: ['烧电焊', '二保焊'], desiredOccupations: ['6-05-01'],
    maxCommuteKm: 20, expectedWage: month(7000), availability: ['full_time'], keyGroups: ['returning_migrant'],
    posts: { P01: 3, P02: 2, P04: 1 },
  },
  {
    // 28, man. 技校 welding class of 2016, 氩弧焊 on stainless steel with a 焊工证; works in 市中区
    // and wants to work nearer home. Uses the app himself (location known).
    id: 'R02', who: '氩弧焊工·山城岩店',
    townCode: SHANCHENG, villageCode: '370406001201', location: at(35.105, 117.475),
    skills: ['氩弧焊', '焊工证'], desiredOccupations: ['6-05-02'],
    maxCommuteKm: 15, expectedWage: day(260), availability: ['full_time'],
    posts: { P04: 3, P02: 2, P01: 1 },
  },
  {
    // 50, man. Village welder: gates, 彩钢 sheds, repairs for farms, paid by the day; will not take a
    // fixed job (he farms too). Typed only 焊工.
    id: 'R03', who: '零工电焊·西集东集',
    townCode: XIJI, villageCode: '370406102207',
    skills: ['焊工', '彩钢'], desiredOccupations: [],
    maxCommuteKm: 15, expectedWage: day(220), availability: ['gig'],
    posts: { P06: 3, P07: 2 },
  },
  {
    // 34, man. Welded in a 北庄 steel-frame shop until it closed. The liaison wrote only 焊工 and
    // asked nothing about pay or hours.
    id: 'R04', who: '焊工·北庄上十河',
    townCode: BEIZHUANG, villageCode: '370406104212',
    skills: ['焊工'], desiredOccupations: [],
    maxCommuteKm: 15, expectedWage: null, availability: [],
    posts: { P03: 3 },
  },
  {
    // 37, man. 氩弧焊 and 电焊 at a stone-machinery plant in 冯卯; wants to stay in 冯卯.
    id: 'R05', who: '焊工·冯卯',
    townCode: FENGMAO, villageCode: '370406108221', location: at(35.135, 117.305),
    skills: ['氩弧焊', '电焊'], desiredOccupations: ['6-05-01', '6-05-02'],
    maxCommuteKm: 15, expectedWage: month(5500), availability: ['full_time'],
    posts: { P05: 3 },
  },
  {
    // 33, man. Welder employed at a 开发区 plant; his record says 已就业, so no employer should be
    // offered him, though he may still browse.
    id: 'R06', who: '在职电焊工·桑村',
    townCode: SANGCUN, villageCode: '370406103200',
    skills: ['电焊'], desiredOccupations: ['6-05-01'],
    maxCommuteKm: 20, expectedWage: month(6500), availability: ['full_time'], status: 'employed',
    posts: { P01: 3, P02: 2, P04: 1 },
  },

  // ── drivers and logistics ──
  {
    // 35, man. 退役军人 (汽车兵), B2 licence, drove 半挂 in 江苏 for six years.
    id: 'R07', who: '退役军人B2司机·开发区',
    townCode: KAIFAQU, villageCode: '370406405009',
    skills: ['B2驾照', '跑运输', '半挂'], desiredOccupations: ['4-01-01'],
    maxCommuteKm: 30, expectedWage: month(7000), availability: ['full_time'], keyGroups: ['veteran'],
    posts: { P08: 3, P09: 2 },
  },
  {
    // 33, man. C1 licence, drove a 面包车 delivering for a 凫城 supermarket.
    id: 'R08', who: 'C1司机·凫城官庄',
    townCode: FUCHENG, villageCode: '370406109202',
    skills: ['驾驶员', 'C1驾照'], desiredOccupations: ['4-01-03', '4-01-10'],
    maxCommuteKm: 25, expectedWage: month(4500), availability: ['full_time'],
    posts: { P11: 3, P10: 2 },
  },
  {
    // 31, man. Drove forklifts in a 苏州 warehouse; typed 开叉车 and 叉车证, chose no occupation.
    id: 'R09', who: '开叉车·山城东江',
    townCode: SHANCHENG, villageCode: '370406001208', location: at(35.08, 117.49),
    skills: ['开叉车', '叉车证'], desiredOccupations: [],
    maxCommuteKm: 15, expectedWage: month(5000), availability: ['full_time'],
    posts: { P12: 3, P16: 2, P13: 1, P14: 1 },
  },
  {
    // 45, man. 叉车司机 for twelve years at a 桑村 塑编厂 that closed last winter.
    id: 'R10', who: '叉车司机·桑村',
    townCode: SANGCUN, villageCode: '370406103200',
    skills: ['叉车', '装卸'], desiredOccupations: ['4-01-06'],
    maxCommuteKm: 20, expectedWage: month(4500), availability: ['full_time'],
    posts: { P16: 3, P12: 2, P13: 1, P14: 1 },
  },
  {
    // 29, woman. Kept the stock books of a building-materials shop; knows Excel.
    id: 'R11', who: '库管·开发区格上',
    townCode: KAIFAQU, villageCode: '370406405004',
    skills: ['库管', '电脑'], desiredOccupations: ['4-01-13'],
    maxCommuteKm: 10, expectedWage: month(4000), availability: ['full_time'],
    posts: { P14: 3, P48: 1, P73: 1 },
  },
  {
    // 30, man. Loads lorries by the day and delivers takeaway in between; wants 日结 only.
    id: 'R12', who: '装卸零工·山城刘庄',
    townCode: SHANCHENG, villageCode: '370406001215', location: at(35.078, 117.47),
    skills: ['装卸', '扛包'], desiredOccupations: ['4-01-11'],
    maxCommuteKm: 10, expectedWage: day(200), availability: ['gig'],
    posts: { P15: 3, P61: 2 },
  },
  {
    // 26, woman. Two years packing and shipping orders for a 山城 online shop (火樱桃, 板栗).
    id: 'R13', who: '电商打包·山城沈庄',
    townCode: SHANCHENG, villageCode: '370406001008', location: at(35.092, 117.455),
    skills: ['打包发货', '扫码'], desiredOccupations: ['4-06-08'],
    maxCommuteKm: 10, expectedWage: month(3500), availability: ['full_time'],
    posts: { P17: 3, P18: 2, P19: 1, P72: 1 },
  },

  // ── food ──
  {
    // 48, woman. Twenty years in a village 豆腐坊 (点卤 is her job); typed 做豆腐, chose nothing.
    id: 'R14', who: '做豆腐·店子罗营',
    townCode: DIANZI, villageCode: '370406101204',
    skills: ['做豆腐', '点卤'], desiredOccupations: [],
    maxCommuteKm: 10, expectedWage: month(3200), availability: ['full_time'],
    posts: { P20: 3 },
  },
  {
    // 51, woman. Worked in a 豆制品厂 (豆腐皮 line) until it moved out of town.
    id: 'R15', who: '豆制品工·山城西山亭',
    townCode: SHANCHENG, villageCode: '370406001003', location: at(35.096, 117.448),
    skills: ['豆制品', '豆腐皮'], desiredOccupations: ['6-01-02'],
    maxCommuteKm: 10, expectedWage: month(3500), availability: ['full_time'],
    posts: { P21: 3, P18: 1 },
  },
  {
    // 62, woman. 脱贫人口; lifted 腐竹 sheets for years, wants work in her own village, by the day or
    // steady.
    id: 'R16', who: '挑腐竹·店子高崖',
    townCode: DIANZI, villageCode: '370406101202',
    skills: ['挑腐竹'], desiredOccupations: ['6-01-03'],
    maxCommuteKm: 8, expectedWage: day(100), availability: ['full_time', 'gig'], keyGroups: ['low_income'],
    posts: { P22: 3, P20: 2 },
  },
  {
    // 43, woman. Line work and packing in a 西集 food factory (煎饼, 馒头).
    id: 'R17', who: '食品厂普工·西集卢山口',
    townCode: XIJI, villageCode: '370406102206',
    skills: ['食品厂', '包装'], desiredOccupations: ['6-01-09'],
    maxCommuteKm: 15, expectedWage: month(3200), availability: ['full_time'],
    posts: { P78: 3, P18: 2, P41: 1, P72: 1, P21: 1 },
  },

  // ── shops ──
  {
    // 37, woman. Two children at school; free only in the mornings (兼职). Was a supermarket cashier.
    id: 'R18', who: '兼职收银妈妈·山城君兰',
    townCode: SHANCHENG, villageCode: '370406001029', location: at(35.1, 117.445),
    skills: ['收银', '超市'], desiredOccupations: ['4-07-05'],
    maxCommuteKm: 5, expectedWage: hour(15), availability: ['part_time'],
    posts: { P23: 3, P24: 2 },
  },
  {
    // 20, woman. 中专 (商贸) class of 2025; wants a steady shop job in 山城.
    id: 'R19', who: '收银导购·山城运河',
    townCode: SHANCHENG, villageCode: '370406001030', location: at(35.088, 117.462),
    skills: ['收银', '导购'], desiredOccupations: ['4-07-05', '4-07-04'],
    maxCommuteKm: 10, expectedWage: month(2800), availability: ['full_time'],
    posts: { P25: 3, P48: 1 },
  },

  // ── cleaning and public-welfare posts ──
  {
    // 55, woman. 脱贫人口; looks after her grandson, wants day work near home (she walks or rides an
    // electric tricycle, 5 km at most). Cleans, helps in the orchards in season.
    id: 'R20', who: '55岁妇女零工·北庄杏峪',
    townCode: BEIZHUANG, villageCode: '370406104204',
    skills: ['打扫卫生', '干农活'], desiredOccupations: ['4-02-01'],
    maxCommuteKm: 5, expectedWage: day(100), availability: ['gig', 'part_time'], keyGroups: ['low_income'],
    posts: { P26: 3, P27: 2 },
  },
  {
    // 47, woman. Cleans offices and homes by the hour, afternoons free for her mother.
    id: 'R21', who: '兼职保洁·山城紫薇',
    townCode: SHANCHENG, villageCode: '370406001016', location: at(35.088, 117.468),
    skills: ['保洁', '做家务'], desiredOccupations: ['4-02-01', '4-05-02'],
    maxCommuteKm: 5, expectedWage: hour(20), availability: ['part_time'],
    posts: { P29: 3, P30: 2 },
  },
  {
    // 52, woman. 就业困难人员 (long unemployed); wants a steady cleaning job with social insurance.
    id: 'R22', who: '全职保洁·山城紫云',
    townCode: SHANCHENG, villageCode: '370406001027', location: at(35.092, 117.452),
    skills: ['保洁', '开荒保洁'], desiredOccupations: ['4-02-01'],
    maxCommuteKm: 8, expectedWage: month(2300), availability: ['full_time'], keyGroups: ['hard_to_employ'],
    posts: { P28: 3 },
  },
  {
    // 58, man. 就业困难人员; drives a three-wheeler, wants a steady 环卫 job in his town.
    id: 'R23', who: '环卫·城头东城头',
    townCode: CHENGTOU, villageCode: '370406105200',
    skills: ['环卫', '开三轮'], desiredOccupations: ['4-02-02'],
    maxCommuteKm: 10, expectedWage: month(2000), availability: ['full_time'], keyGroups: ['hard_to_employ'],
    posts: { P31: 3 },
  },
  {
    // 66, man. 脱贫人口; the 村 keeps a 公益岗 (road sweeping) for people like him.
    id: 'R24', who: '公益岗·城头荒沟',
    townCode: CHENGTOU, villageCode: '370406105215',
    skills: ['打扫卫生'], desiredOccupations: ['3-02-04'],
    maxCommuteKm: 5, expectedWage: month(800), availability: ['part_time', 'gig'], keyGroups: ['low_income'],
    posts: { P32: 3 },
  },
  {
    // 57, woman. 就业困难人员; washes dishes and cleans, by the hour, near home.
    id: 'R25', who: '洗碗保洁·山城南官庄',
    townCode: SHANCHENG, villageCode: '370406001202',
    skills: ['洗碗', '打扫卫生'], desiredOccupations: ['4-04-08'],
    maxCommuteKm: 5, expectedWage: hour(14), availability: ['part_time', 'gig'], keyGroups: ['hard_to_employ'],
    posts: { P37: 3, P29: 2, P36: 1, P30: 1 },
  },

  // ── kitchens ──
  {
    // 40, man. Cooked 鲁菜 in 济南 restaurants for 15 years; came home to 城头, will drive 25 km.
    id: 'R26', who: '返乡厨师·城头西城头',
    townCode: CHENGTOU, villageCode: '370406105201',
    skills: ['炒菜', '大锅菜', '鲁菜'], desiredOccupations: ['4-04-01', '4-04-04'],
    maxCommuteKm: 25, expectedWage: month(5500), availability: ['full_time'], keyGroups: ['returning_migrant'],
    posts: { P34: 3, P35: 2, P33: 2 },
  },
  {
    // 45, man. Cooked in a factory canteen (大锅菜, 面点) for ten years.
    id: 'R27', who: '食堂厨师·开发区西鲁',
    townCode: KAIFAQU, villageCode: '370406405012',
    skills: ['大锅菜', '面点'], desiredOccupations: ['4-04-04', '4-04-01'],
    maxCommuteKm: 15, expectedWage: month(5000), availability: ['full_time'],
    posts: { P33: 3, P35: 2 },
  },
  {
    // 33, woman. Mother of two; mornings only (兼职). Was a 帮厨 (切配) before the children.
    id: 'R28', who: '兼职帮厨妈妈·山城梅园',
    townCode: SHANCHENG, villageCode: '370406001018', location: at(35.085, 117.452),
    skills: ['切配', '洗碗'], desiredOccupations: ['4-04-02'],
    maxCommuteKm: 5, expectedWage: hour(18), availability: ['part_time'],
    posts: { P36: 3, P37: 1 },
  },
  {
    // 60, man. 乡厨 for weddings and funerals (流水席) around 冯卯, by the job only.
    id: 'R29', who: '乡厨·冯卯',
    townCode: FENGMAO, villageCode: '370406108221',
    skills: ['流水席', '大锅菜'], desiredOccupations: ['4-04-05'],
    maxCommuteKm: null, expectedWage: day(300), availability: ['gig'],
    posts: { P38: 3 },
  },

  // ── 塑编 (woven plastic bags), 桑村 and 西集 ──
  {
    // 38, woman. Ten years in a 桑村 编织袋厂 (织布, 缝包); wants the same near home.
    id: 'R30', who: '塑编工·桑村户口',
    townCode: SANGCUN, villageCode: '370406103201',
    skills: ['塑编', '缝包'], desiredOccupations: ['6-02-01'],
    maxCommuteKm: 10, expectedWage: month(3800), availability: ['full_time'],
    posts: { P39: 3, P40: 2 },
  },
  {
    // 29, man. Runs 拉丝机 (扁丝) at a 西集 塑编厂 on nights; wants days.
    id: 'R31', who: '拉丝工·西集',
    townCode: XIJI, villageCode: '370406102201', location: at(35.022, 117.368),
    skills: ['拉丝机', '扁丝'], desiredOccupations: ['6-02-02'],
    maxCommuteKm: 15, expectedWage: month(5000), availability: ['full_time'],
    posts: { P42: 3, P41: 1 },
  },
  {
    // 44, woman. Sews bags at home for a factory (外发); would go in full or part time.
    id: 'R32', who: '缝袋·西集河南',
    townCode: XIJI, villageCode: '370406102205',
    skills: ['缝纫', '缝袋'], desiredOccupations: ['6-02-04', '6-09-01'],
    maxCommuteKm: 8, expectedWage: month(3000), availability: ['full_time', 'part_time'],
    posts: { P43: 3, P41: 2, P78: 1 },
  },

  // ── orchards and farms ──
  {
    // 61, man. Picks cherries every May and prunes in winter for the big growers of 杏峪.
    id: 'R33', who: '摘樱桃·北庄杏峪',
    townCode: BEIZHUANG, villageCode: '370406104204',
    skills: ['摘樱桃', '剪枝'], desiredOccupations: ['5-02-02'],
    maxCommuteKm: 10, expectedWage: day(120), availability: ['seasonal', 'gig'],
    posts: { P27: 3, P45: 2 },
  },
  {
    // 50, woman. 脱贫人口; picks fruit in season around 葫芦套 (cherries in May, chestnuts in autumn).
    id: 'R34', who: '采摘·徐庄葫芦套',
    townCode: XUZHUANG, villageCode: '370406106201', location: at(35.255, 117.545),
    skills: ['摘果子', '樱桃'], desiredOccupations: ['5-02-01'],
    maxCommuteKm: 10, expectedWage: day(100), availability: ['seasonal', 'gig'], keyGroups: ['low_income'],
    posts: { P44: 3, P46: 2 },
  },
  {
    // 46, man. Kept 黑山羊 himself; sold the flock, wants a job at a cooperative.
    id: 'R53', who: '养羊·徐庄',
    townCode: XUZHUANG, villageCode: '370406106210',
    skills: ['养羊', '黑山羊'], desiredOccupations: ['5-03-03'],
    maxCommuteKm: 15, expectedWage: month(3500), availability: ['full_time'],
    posts: { P74: 3 },
  },
  {
    // 64, man. 脱贫人口; walks the hills every day anyway, wants a 护林员 post in his village.
    id: 'R54', who: '护林·水泉夏岭',
    townCode: SHUIQUAN, villageCode: '370406107204',
    skills: ['看山'], desiredOccupations: ['5-04-02'],
    maxCommuteKm: 5, expectedWage: month(1500), availability: ['full_time'], keyGroups: ['low_income'],
    posts: { P77: 3 },
  },

  // ── offices and e-commerce ──
  {
    // 23, woman. 2025 本科 (会计) from 枣庄学院; wants an office job in 山城街道, near her parents.
    id: 'R35', who: '会计毕业生·山城君兰',
    townCode: SHANCHENG, villageCode: '370406001029', location: at(35.101, 117.447),
    skills: ['会计', 'Excel', '做账'], desiredOccupations: ['2-04-01', '3-01-01'], desiredTownCodes: [SHANCHENG],
    maxCommuteKm: 10, expectedWage: month(3500), availability: ['full_time'], keyGroups: ['graduate'],
    posts: { P47: 3, P48: 2 },
  },
  {
    // 22, man. 大专 (电子商务) 2025; ran a 抖音 account for his family's 板栗; wants to work in 山城.
    id: 'R36', who: '电商毕业生·店子',
    townCode: DIANZI, villageCode: '370406101200',
    skills: ['抖音运营', '剪辑', '直播'], desiredOccupations: ['4-06-03'], desiredTownCodes: [SHANCHENG],
    maxCommuteKm: 20, expectedWage: month(4000), availability: ['full_time'], keyGroups: ['graduate'],
    posts: { P50: 3, P51: 2, P52: 2 },
  },
  {
    // 30, woman. 会计证; was 出纳 at a 塑编厂; wants the same in 桑村.
    id: 'R37', who: '出纳·桑村辛庄',
    townCode: SANGCUN, villageCode: '370406103205',
    skills: ['出纳', '记账'], desiredOccupations: ['2-04-02', '2-04-01'],
    maxCommuteKm: 10, expectedWage: month(3000), availability: ['full_time'],
    posts: { P49: 3 },
  },
  {
    // 40, man. 残疾人 (paraplegic, wheelchair); types fast, has done online customer service; sitting
    // work near home only.
    id: 'R38', who: '残疾人客服·水泉',
    townCode: SHUIQUAN, villageCode: '370406107207',
    skills: ['打字', '电脑', '网店客服'], desiredOccupations: ['4-06-04'],
    maxCommuteKm: 5, expectedWage: month(2500), availability: ['full_time', 'part_time'], keyGroups: ['disabled'],
    posts: { P53: 3, P54: 2 },
  },
  {
    // 35, woman. 残疾人 (hearing); a skilled 缝纫 and 锁边 machinist.
    id: 'R39', who: '残疾人缝纫·山城丰泽',
    townCode: SHANCHENG, villageCode: '370406001019', location: at(35.098, 117.455),
    skills: ['缝纫', '锁边'], desiredOccupations: ['6-09-01'],
    maxCommuteKm: 10, expectedWage: month(3000), availability: ['full_time'], keyGroups: ['disabled'],
    posts: { P55: 3 },
  },

  // ── security ──
  {
    // 45, man. 退役军人; fire-safety training, drives. Wants 保安 work.
    id: 'R40', who: '退役军人保安·冯卯',
    townCode: FENGMAO, villageCode: '370406108200',
    skills: ['保安', '驾驶', '消防'], desiredOccupations: ['3-03-01'],
    maxCommuteKm: 20, expectedWage: month(3000), availability: ['full_time'], keyGroups: ['veteran'],
    posts: { P56: 3, P58: 2, P57: 1 },
  },
  {
    // 60, man. Kept a factory gate for years; wants the same, any distance the bus goes.
    id: 'R41', who: '门卫·山城石龙口',
    townCode: SHANCHENG, villageCode: '370406001200', location: at(35.11, 117.47),
    skills: ['看大门'], desiredOccupations: ['3-03-02'],
    maxCommuteKm: null, expectedWage: month(2000), availability: ['full_time'],
    posts: { P57: 3, P58: 1 },
  },

  // ── building trades ──
  {
    // 58, man. 就业困难人员; 小工 on village building sites by the day, nothing steady.
    id: 'R42', who: '零工小工·城头周庄',
    townCode: CHENGTOU, villageCode: '370406105203',
    skills: ['小工', '搬运'], desiredOccupations: ['6-06-07'],
    maxCommuteKm: 15, expectedWage: day(150), availability: ['gig'], keyGroups: ['hard_to_employ'],
    posts: { P59: 3 },
  },
  {
    // 40, man. 力工 and 绑钢筋 on sites; steady or by the day.
    id: 'R43', who: '力工·山城横岭埠',
    townCode: SHANCHENG, villageCode: '370406001210',
    skills: ['力工', '钢筋'], desiredOccupations: ['6-06-07'],
    maxCommuteKm: 15, expectedWage: day(180), availability: ['full_time', 'gig'],
    posts: { P60: 3, P61: 1, P15: 1 },
  },
  {
    // 52, man. 瓦工 (砌墙, 贴瓷砖), village houses; by the job or steady.
    id: 'R44', who: '瓦工·凫城西凫山',
    townCode: FUCHENG, villageCode: '370406109200',
    skills: ['砌墙', '贴瓷砖'], desiredOccupations: ['6-06-01'],
    maxCommuteKm: 20, expectedWage: day(300), availability: ['gig', 'full_time'],
    posts: { P66: 3, P67: 2 },
  },
  {
    // 48, man. Handyman (水电 repairs) for a housing estate that changed its property company.
    id: 'R45', who: '水电维修·山城驳山头',
    townCode: SHANCHENG, villageCode: '370406001207',
    skills: ['水电', '维修'], desiredOccupations: ['4-02-05', '6-06-04'],
    maxCommuteKm: 10, expectedWage: month(4000), availability: ['full_time'],
    posts: { P69: 3, P68: 1 },
  },
  {
    // 36, man. 维修电工 with a 低压电工证 and some PLC.
    id: 'R46', who: '电工·开发区郭庄',
    townCode: KAIFAQU, villageCode: '370406405007', location: at(35.068, 117.44),
    skills: ['低压电工证', '维修电工', 'PLC'], desiredOccupations: ['6-08-01'],
    maxCommuteKm: 20, expectedWage: month(6000), availability: ['full_time'],
    posts: { P68: 3 },
  },

  // ── factories ──
  {
    // 41, man. Ten years cutting slabs in 冯卯's stone yards; can polish too.
    id: 'R47', who: '石材切割·冯卯朱山',
    townCode: FENGMAO, villageCode: '370406108204',
    skills: ['切石头', '打磨'], desiredOccupations: ['6-03-01'],
    maxCommuteKm: 15, expectedWage: month(6000), availability: ['full_time'],
    posts: { P70: 3, P71: 2 },
  },
  {
    // 24, man. Came back from a 深圳 electronics plant (流水线, some 质检); any factory job.
    id: 'R48', who: '返乡普工·开发区后官庄',
    townCode: KAIFAQU, villageCode: '370406405010',
    skills: ['流水线', '质检'], desiredOccupations: ['6-10-01'],
    maxCommuteKm: 30, expectedWage: month(4500), availability: ['full_time'], keyGroups: ['returning_migrant'],
    posts: { P72: 3, P73: 2, P19: 1, P18: 1 },
  },
  {
    // 39, man. 数控车床 operator, reads drawings.
    id: 'R49', who: '数控车工·开发区东鲁',
    townCode: KAIFAQU, villageCode: '370406405011', location: at(35.07, 117.455),
    skills: ['CNC', '数控车床', '看图纸'], desiredOccupations: ['6-04-03'],
    maxCommuteKm: 20, expectedWage: month(6500), availability: ['full_time'],
    posts: { P75: 3, P76: 2 },
  },

  // ── care ──
  {
    // 50, woman. 就业困难人员; nursed her mother-in-law for six years; wants 养老院 work.
    id: 'R50', who: '养老护理·店子平子',
    townCode: DIANZI, villageCode: '370406101203',
    skills: ['照顾老人', '护理'], desiredOccupations: ['4-05-06'],
    maxCommuteKm: 20, expectedWage: month(3000), availability: ['full_time'], keyGroups: ['hard_to_employ'],
    posts: { P62: 3, P63: 2 },
  },
  {
    // 36, woman. Certified 月嫂 (母婴护理), booked by word of mouth.
    id: 'R51', who: '月嫂·山城东山亭',
    townCode: SHANCHENG, villageCode: '370406001002', location: at(35.093, 117.458),
    skills: ['母婴护理', '育婴师'], desiredOccupations: ['4-05-03'],
    maxCommuteKm: 15, expectedWage: month(8000), availability: ['full_time'],
    posts: { P64: 3 },
  },
  {
    // 45, woman. 育儿嫂 for two families, cooks too.
    id: 'R52', who: '育儿嫂·山城翼云',
    townCode: SHANCHENG, villageCode: '370406001028',
    skills: ['带孩子', '做饭'], desiredOccupations: ['4-05-04'],
    maxCommuteKm: 10, expectedWage: month(4500), availability: ['full_time'],
    posts: { P65: 3, P64: 1 },
  },
];

export const EVAL_POSTS: readonly EvalPost[] = [
  // ── welding ──
  {
    id: 'P01', title: '电焊工·桑村机械厂', occupationCode: '6-05-01', skills: ['电焊', '二保焊'],
    townCode: SANGCUN, villageCode: '370406103200', wage: pay(7000, 9000, 'month'), type: 'full_time',
    publishedDaysAgo: 3, expiresInDays: 27,
    people: { R01: 3, R02: 1 },
  },
  {
    id: 'P02', title: '二保焊工·开发区钢结构', occupationCode: '6-05-03', skills: ['二保焊', '焊工证'],
    townCode: KAIFAQU, villageCode: null, location: at(35.06, 117.45), wage: pay(6500, 8000, 'month'), type: 'full_time',
    publishedDaysAgo: 6, expiresInDays: 24,
    people: { R01: 3, R02: 2 },
  },
  {
    id: 'P03', title: '电焊工·北庄光伏支架厂', occupationCode: '6-05-01', skills: ['电焊'],
    townCode: BEIZHUANG, villageCode: '370406104200', wage: pay(5500, 6500, 'month'), type: 'full_time',
    publishedDaysAgo: 10, expiresInDays: 20,
    people: { R04: 3 },
  },
  {
    id: 'P04', title: '氩弧焊工·开发区食品机械', occupationCode: '6-05-02', skills: ['氩弧焊', '不锈钢'],
    townCode: KAIFAQU, villageCode: null, location: at(35.063, 117.452), wage: pay(6000, 7500, 'month'), type: 'full_time',
    publishedDaysAgo: 2, expiresInDays: 28,
    people: { R02: 3, R01: 1 },
  },
  {
    id: 'P05', title: '氩弧焊工·冯卯石材机械', occupationCode: '6-05-02', skills: ['氩弧焊'],
    townCode: FENGMAO, villageCode: null, location: at(35.138, 117.302), wage: pay(5500, 6500, 'month'), type: 'full_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R05: 3 },
  },
  {
    id: 'P06', title: '电焊零工·西集养殖场修棚', occupationCode: '6-05-01', skills: ['电焊'],
    townCode: XIJI, villageCode: '370406102201', wage: pay(250, 250, 'day'), type: 'gig',
    publishedDaysAgo: 1, expiresInDays: 6,
    people: { R03: 3 },
  },
  {
    id: 'P07', title: '彩钢棚安装零工·开发区', occupationCode: '6-06-16', skills: ['彩钢', '电焊'],
    townCode: KAIFAQU, villageCode: '370406405200', wage: pay(280, 320, 'day'), type: 'gig',
    publishedDaysAgo: 4, expiresInDays: 10,
    people: { R03: 3 },
  },

  // ── drivers and logistics ──
  {
    id: 'P08', title: '货车司机B2·开发区物流园', occupationCode: '4-01-01', skills: ['B2驾照'],
    townCode: KAIFAQU, villageCode: null, location: at(35.058, 117.44), wage: pay(7000, 9000, 'month'), type: 'full_time',
    publishedDaysAgo: 7, expiresInDays: 23,
    people: { R07: 3 },
  },
  {
    id: 'P09', title: '渣土车司机·山城', occupationCode: '4-01-02', skills: ['B2驾照'],
    townCode: SHANCHENG, villageCode: null, wage: pay(8000, 8000, 'month'), type: 'full_time',
    publishedDaysAgo: 12, expiresInDays: 18,
    people: { R07: 3 },
  },
  {
    id: 'P10', title: '商务司机·山城', occupationCode: '4-01-03', skills: ['C1驾照'],
    townCode: SHANCHENG, villageCode: null, wage: pay(4500, 4500, 'month'), type: 'full_time',
    publishedDaysAgo: 8, expiresInDays: 22,
    people: { R08: 3 },
  },
  {
    id: 'P11', title: '送货司机·水泉超市', occupationCode: '4-01-10', skills: ['C1驾照', '送货'],
    townCode: SHUIQUAN, villageCode: '370406107207', wage: pay(5000, 5000, 'month'), type: 'full_time',
    publishedDaysAgo: 3, expiresInDays: 27,
    people: { R08: 3 },
  },
  {
    id: 'P12', title: '叉车司机·开发区仓储', occupationCode: '4-01-06', skills: ['叉车证'],
    townCode: KAIFAQU, villageCode: null, location: at(35.06, 117.44), wage: pay(5000, 6000, 'month'), type: 'full_time',
    publishedDaysAgo: 2, expiresInDays: 28,
    people: { R09: 3, R10: 2 },
  },
  {
    id: 'P13', title: '叉车司机·西集食品厂', occupationCode: '4-01-06', skills: ['叉车'],
    townCode: XIJI, villageCode: null, location: at(35.018, 117.372), wage: pay(4000, 4800, 'month'), type: 'full_time',
    publishedDaysAgo: 15, expiresInDays: 15,
    people: { R09: 3, R10: 2 },
  },
  {
    id: 'P14', title: '仓库管理员·开发区建材', occupationCode: '4-01-13', skills: ['库管', '电脑'],
    townCode: KAIFAQU, villageCode: null, wage: pay(4500, 4500, 'month'), type: 'full_time',
    publishedDaysAgo: 9, expiresInDays: 21,
    people: { R11: 3, R09: 1, R10: 1 },
  },
  {
    id: 'P15', title: '装卸工日结·开发区物流园', occupationCode: '4-01-11', skills: ['装卸'],
    townCode: KAIFAQU, villageCode: null, location: at(35.06, 117.442), wage: pay(200, 250, 'day'), type: 'gig',
    publishedDaysAgo: 1, expiresInDays: 7,
    people: { R12: 3, R43: 1 },
  },
  {
    id: 'P16', title: '叉车司机·桑村豆制品厂', occupationCode: '4-01-06', skills: ['叉车证'],
    townCode: SANGCUN, villageCode: '370406103200', wage: pay(4500, 5500, 'month'), type: 'full_time',
    publishedDaysAgo: 6, expiresInDays: 24,
    people: { R10: 3, R09: 2 },
  },
  {
    id: 'P17', title: '电商打包发货·山城樱桃网店', occupationCode: '4-06-08', skills: ['打包'],
    townCode: SHANCHENG, villageCode: null, location: at(35.098, 117.462), wage: pay(3500, 4500, 'month'), type: 'full_time',
    publishedDaysAgo: 2, expiresInDays: 28,
    people: { R13: 3 },
  },
  {
    id: 'P18', title: '包装工·开发区食品厂', occupationCode: '6-10-02', skills: ['包装'],
    townCode: KAIFAQU, villageCode: null, location: at(35.066, 117.446), wage: pay(3800, 3800, 'month'), type: 'full_time',
    publishedDaysAgo: 11, expiresInDays: 19,
    people: { R17: 3, R13: 2, R15: 1, R48: 1 },
  },
  {
    id: 'P19', title: '快递分拣（共享员工）·开发区', occupationCode: '4-01-08', skills: ['分拣'],
    townCode: KAIFAQU, villageCode: null, wage: pay(4000, 4000, 'month'), type: 'shared_staff',
    publishedDaysAgo: 20, expiresInDays: 10,
    people: { R48: 3, R13: 1 },
  },

  // ── food ──
  {
    id: 'P20', title: '豆腐师傅·店子豆腐坊', occupationCode: '6-01-01', skills: ['点卤'],
    townCode: DIANZI, villageCode: '370406101200', wage: pay(3500, 4000, 'month'), type: 'full_time',
    publishedDaysAgo: 4, expiresInDays: 26,
    people: { R14: 3, R16: 2 },
  },
  {
    id: 'P21', title: '豆制品加工·山城豆制品厂', occupationCode: '6-01-02', skills: ['豆腐皮'],
    townCode: SHANCHENG, villageCode: null, location: at(35.09, 117.45), wage: pay(4000, 4000, 'month'), type: 'full_time',
    publishedDaysAgo: 6, expiresInDays: 24,
    people: { R15: 3, R17: 1 },
  },
  {
    id: 'P22', title: '腐竹工·店子高崖腐竹坊', occupationCode: '6-01-03', skills: ['挑腐竹'],
    townCode: DIANZI, villageCode: '370406101202', wage: pay(110, 110, 'day'), type: 'full_time',
    publishedDaysAgo: 14, expiresInDays: 16,
    people: { R16: 3 },
  },
  {
    id: 'P78', title: '食品厂普工·西集煎饼厂', occupationCode: '6-01-09', skills: ['食品加工'],
    townCode: XIJI, villageCode: '370406102201', wage: pay(3200, 3800, 'month'), type: 'full_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R17: 3, R32: 1 },
  },

  // ── shops ──
  {
    id: 'P23', title: '超市收银（上午班）·山城', occupationCode: '4-07-05', skills: ['收银'],
    townCode: SHANCHENG, villageCode: null, location: at(35.099, 117.449), wage: pay(16, 16, 'hour'), type: 'part_time',
    publishedDaysAgo: 3, expiresInDays: 27,
    people: { R18: 3 },
  },
  {
    id: 'P24', title: '超市理货（兼职）·山城', occupationCode: '4-07-06', skills: ['上货'],
    townCode: SHANCHENG, villageCode: null, location: at(35.093, 117.46), wage: pay(15, 15, 'hour'), type: 'part_time',
    publishedDaysAgo: 9, expiresInDays: 21,
    people: { R18: 3 },
  },
  {
    id: 'P25', title: '收银员（全职）·山城商场', occupationCode: '4-07-05', skills: ['收银'],
    townCode: SHANCHENG, villageCode: null, location: at(35.097, 117.466), wage: pay(3000, 3000, 'month'), type: 'full_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R19: 3 },
  },

  // ── cleaning and public-welfare posts ──
  {
    id: 'P26', title: '保洁日结·北庄民宿', occupationCode: '4-02-01', skills: ['打扫卫生'],
    townCode: BEIZHUANG, villageCode: '370406104200', wage: pay(110, 110, 'day'), type: 'gig',
    publishedDaysAgo: 2, expiresInDays: 12,
    people: { R20: 3 },
  },
  {
    id: 'P27', title: '樱桃采摘·北庄杏峪', occupationCode: '5-02-02', skills: ['摘樱桃'],
    townCode: BEIZHUANG, villageCode: '370406104204', wage: pay(130, 130, 'day'), type: 'seasonal',
    publishedDaysAgo: 1, expiresInDays: 20,
    people: { R33: 3, R20: 2 },
  },
  {
    id: 'P28', title: '物业保洁（全职）·山城小区', occupationCode: '4-02-01', skills: ['保洁'],
    townCode: SHANCHENG, villageCode: null, location: at(35.094, 117.47), wage: pay(2500, 2500, 'month'), type: 'full_time',
    publishedDaysAgo: 6, expiresInDays: 24,
    people: { R22: 3 },
  },
  {
    id: 'P29', title: '写字楼保洁（兼职）·山城', occupationCode: '4-02-01', skills: ['保洁'],
    townCode: SHANCHENG, villageCode: null, location: at(35.091, 117.465), wage: pay(20, 22, 'hour'), type: 'part_time',
    publishedDaysAgo: 2, expiresInDays: 28,
    people: { R21: 3, R25: 2 },
  },
  {
    id: 'P30', title: '钟点工·山城家政', occupationCode: '4-05-02', skills: ['做家务'],
    townCode: SHANCHENG, villageCode: null, wage: pay(25, 25, 'hour'), type: 'part_time',
    publishedDaysAgo: 8, expiresInDays: 22,
    people: { R21: 3, R25: 1 },
  },
  {
    id: 'P31', title: '环卫工·城头镇', occupationCode: '4-02-02', skills: [],
    townCode: CHENGTOU, villageCode: null, wage: pay(2200, 2200, 'month'), type: 'full_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R23: 3 },
  },
  {
    id: 'P32', title: '乡村公益岗（护路保洁）·城头荒沟', occupationCode: '3-02-04', skills: ['打扫卫生'],
    townCode: CHENGTOU, villageCode: '370406105215', wage: pay(1000, 1000, 'month'), type: 'part_time',
    publishedDaysAgo: 7, expiresInDays: 23,
    people: { R24: 3 },
  },

  // ── kitchens ──
  {
    id: 'P33', title: '食堂厨师·开发区工厂食堂', occupationCode: '4-04-04', skills: ['大锅菜'],
    townCode: KAIFAQU, villageCode: null, location: at(35.068, 117.448), wage: pay(5500, 6500, 'month'), type: 'full_time',
    publishedDaysAgo: 4, expiresInDays: 26,
    people: { R27: 3, R26: 2 },
  },
  {
    id: 'P34', title: '厨师·城头饭店', occupationCode: '4-04-01', skills: ['炒菜'],
    townCode: CHENGTOU, villageCode: '370406105200', wage: pay(5000, 6000, 'month'), type: 'full_time',
    publishedDaysAgo: 6, expiresInDays: 24,
    people: { R26: 3 },
  },
  {
    id: 'P35', title: '炒菜师傅·山城酒店', occupationCode: '4-04-01', skills: ['鲁菜', '炒菜'],
    townCode: SHANCHENG, villageCode: null, location: at(35.096, 117.458), wage: pay(6000, 7000, 'month'), type: 'full_time',
    publishedDaysAgo: 10, expiresInDays: 20,
    people: { R26: 3, R27: 2 },
  },
  {
    id: 'P36', title: '帮厨（上午）·山城饭店', occupationCode: '4-04-02', skills: ['切配'],
    townCode: SHANCHENG, villageCode: null, location: at(35.088, 117.455), wage: pay(18, 20, 'hour'), type: 'part_time',
    publishedDaysAgo: 3, expiresInDays: 27,
    people: { R28: 3, R25: 1 },
  },
  {
    id: 'P37', title: '洗碗工（兼职）·山城酒店', occupationCode: '4-04-08', skills: ['洗碗'],
    townCode: SHANCHENG, villageCode: null, wage: pay(15, 15, 'hour'), type: 'part_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R25: 3, R28: 1 },
  },
  {
    id: 'P38', title: '婚宴乡厨三天·冯卯谢庄', occupationCode: '4-04-05', skills: ['流水席'],
    townCode: FENGMAO, villageCode: '370406108205', wage: pay(350, 350, 'day'), type: 'gig',
    publishedDaysAgo: 1, expiresInDays: 5,
    people: { R29: 3 },
  },

  // ── 塑编 ──
  {
    id: 'P39', title: '塑编工·桑村编织袋厂', occupationCode: '6-02-01', skills: ['塑编'],
    townCode: SANGCUN, villageCode: '370406103200', wage: pay(4000, 5000, 'month'), type: 'full_time',
    publishedDaysAgo: 4, expiresInDays: 26,
    people: { R30: 3 },
  },
  {
    id: 'P40', title: '缝包工（计件）·桑村瓜园', occupationCode: '6-02-04', skills: ['缝包'],
    townCode: SANGCUN, villageCode: '370406103203', wage: pay(0.12, 0.15, 'piece'), type: 'full_time',
    publishedDaysAgo: 9, expiresInDays: 21,
    people: { R30: 3 },
  },
  {
    id: 'P41', title: '塑编工·西集编织袋厂', occupationCode: '6-02-01', skills: ['塑编'],
    townCode: XIJI, villageCode: null, location: at(35.024, 117.366), wage: pay(4500, 4500, 'month'), type: 'full_time',
    publishedDaysAgo: 3, expiresInDays: 27,
    people: { R32: 3, R31: 1, R17: 1 },
  },
  {
    id: 'P42', title: '拉丝工（白班）·西集', occupationCode: '6-02-02', skills: ['拉丝机'],
    townCode: XIJI, villageCode: null, location: at(35.026, 117.374), wage: pay(5000, 6000, 'month'), type: 'full_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R31: 3 },
  },
  {
    id: 'P43', title: '编织袋缝纫（计件）·西集河南村', occupationCode: '6-02-04', skills: ['缝纫'],
    townCode: XIJI, villageCode: '370406102205', wage: pay(0.1, 0.14, 'piece'), type: 'full_time',
    publishedDaysAgo: 7, expiresInDays: 23,
    people: { R32: 3 },
  },

  // ── orchards and farms ──
  {
    id: 'P44', title: '樱桃采摘·徐庄葫芦套', occupationCode: '5-02-02', skills: ['摘樱桃'],
    townCode: XUZHUANG, villageCode: '370406106201', location: at(35.252, 117.548), wage: pay(150, 150, 'day'), type: 'seasonal',
    publishedDaysAgo: 2, expiresInDays: 18,
    people: { R34: 3 },
  },
  {
    id: 'P45', title: '果树修剪·北庄三道峪', occupationCode: '5-01-04', skills: ['剪枝'],
    townCode: BEIZHUANG, villageCode: '370406104203', wage: pay(150, 150, 'day'), type: 'seasonal',
    publishedDaysAgo: 25, expiresInDays: 35,
    people: { R33: 3 },
  },
  {
    id: 'P46', title: '板栗采收（秋季）·徐庄', occupationCode: '5-02-03', skills: ['打板栗'],
    townCode: XUZHUANG, villageCode: '370406106210', wage: pay(120, 120, 'day'), type: 'seasonal',
    publishedDaysAgo: 30, expiresInDays: 120,
    people: { R34: 3 },
  },
  {
    id: 'P74', title: '养羊工·徐庄黑山羊合作社', occupationCode: '5-03-03', skills: ['养羊'],
    townCode: XUZHUANG, villageCode: '370406106206', wage: pay(3500, 4000, 'month'), type: 'full_time',
    publishedDaysAgo: 6, expiresInDays: 24,
    people: { R53: 3 },
  },
  {
    id: 'P77', title: '护林员·水泉夏岭', occupationCode: '5-04-02', skills: ['护林防火'],
    townCode: SHUIQUAN, villageCode: '370406107204', wage: pay(1500, 1800, 'month'), type: 'full_time',
    publishedDaysAgo: 15, expiresInDays: 15,
    people: { R54: 3 },
  },

  // ── offices and e-commerce ──
  {
    id: 'P47', title: '会计·山城商贸公司', occupationCode: '2-04-01', skills: ['会计', 'Excel'],
    townCode: SHANCHENG, villageCode: null, location: at(35.097, 117.452), wage: pay(3500, 4500, 'month'), type: 'full_time',
    publishedDaysAgo: 3, expiresInDays: 27,
    people: { R35: 3 },
  },
  {
    id: 'P48', title: '办公室文员·山城', occupationCode: '3-01-01', skills: ['电脑', 'Excel'],
    townCode: SHANCHENG, villageCode: null, location: at(35.092, 117.458), wage: pay(3000, 3500, 'month'), type: 'full_time',
    publishedDaysAgo: 6, expiresInDays: 24,
    people: { R35: 3, R11: 1, R19: 1 },
  },
  {
    id: 'P49', title: '出纳·桑村编织袋厂', occupationCode: '2-04-02', skills: ['出纳'],
    townCode: SANGCUN, villageCode: '370406103200', wage: pay(3000, 3500, 'month'), type: 'full_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R37: 3 },
  },
  {
    id: 'P50', title: '抖音运营·山城樱桃网店', occupationCode: '4-06-03', skills: ['抖音运营'],
    townCode: SHANCHENG, villageCode: null, location: at(35.1, 117.462), wage: pay(4000, 6000, 'month'), type: 'full_time',
    publishedDaysAgo: 2, expiresInDays: 28,
    people: { R36: 3 },
  },
  {
    id: 'P51', title: '助农带货主播·店子合作社', occupationCode: '4-06-01', skills: ['直播'],
    townCode: DIANZI, villageCode: '370406101200', wage: pay(3500, 8000, 'month'), type: 'full_time',
    publishedDaysAgo: 8, expiresInDays: 22,
    people: { R36: 3 },
  },
  {
    id: 'P52', title: '短视频剪辑·山城传媒', occupationCode: '4-06-06', skills: ['剪辑'],
    townCode: SHANCHENG, villageCode: null, wage: pay(4000, 5000, 'month'), type: 'full_time',
    publishedDaysAgo: 12, expiresInDays: 18,
    people: { R36: 3 },
  },
  {
    id: 'P53', title: '网店客服（坐班）·水泉药材网店', occupationCode: '4-06-04', skills: ['电脑', '打字'],
    townCode: SHUIQUAN, villageCode: '370406107207', wage: pay(2800, 3500, 'month'), type: 'full_time',
    publishedDaysAgo: 4, expiresInDays: 26,
    people: { R38: 3 },
  },
  {
    id: 'P54', title: '手工串珠（计件兼职）·水泉', occupationCode: '6-09-06', skills: ['手工活'],
    townCode: SHUIQUAN, villageCode: '370406107207', wage: pay(0.3, 0.5, 'piece'), type: 'part_time',
    publishedDaysAgo: 10, expiresInDays: 20,
    people: { R38: 3 },
  },
  {
    id: 'P55', title: '缝纫工·开发区服装厂', occupationCode: '6-09-01', skills: ['缝纫', '平车'],
    townCode: KAIFAQU, villageCode: null, location: at(35.066, 117.448), wage: pay(3500, 4500, 'month'), type: 'full_time',
    publishedDaysAgo: 4, expiresInDays: 26,
    people: { R39: 3 },
  },

  // ── security ──
  {
    id: 'P56', title: '保安·冯卯石材园区', occupationCode: '3-03-01', skills: ['保安'],
    townCode: FENGMAO, villageCode: '370406108221', wage: pay(3000, 3500, 'month'), type: 'full_time',
    publishedDaysAgo: 6, expiresInDays: 24,
    people: { R40: 3 },
  },
  {
    id: 'P57', title: '学校门卫·山城', occupationCode: '3-03-02', skills: ['看大门'],
    townCode: SHANCHENG, villageCode: null, location: at(35.103, 117.462), wage: pay(2500, 2500, 'month'), type: 'full_time',
    publishedDaysAgo: 7, expiresInDays: 23,
    people: { R41: 3, R40: 1 },
  },
  {
    id: 'P58', title: '保安员·开发区工业园', occupationCode: '3-03-01', skills: ['保安'],
    townCode: KAIFAQU, villageCode: null, wage: pay(3500, 4000, 'month'), type: 'full_time',
    publishedDaysAgo: 3, expiresInDays: 27,
    people: { R40: 3, R41: 1 },
  },

  // ── building trades ──
  {
    id: 'P59', title: '盖房小工日结·城头长巷', occupationCode: '6-06-07', skills: ['小工'],
    townCode: CHENGTOU, villageCode: '370406105202', wage: pay(160, 180, 'day'), type: 'gig',
    publishedDaysAgo: 1, expiresInDays: 10,
    people: { R42: 3 },
  },
  {
    id: 'P60', title: '工地力工（全职）·山城', occupationCode: '6-06-07', skills: ['力工'],
    townCode: SHANCHENG, villageCode: null, wage: pay(5000, 5000, 'month'), type: 'full_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R43: 3 },
  },
  {
    id: 'P61', title: '搬家工日结·山城', occupationCode: '8-01-03', skills: ['搬运'],
    townCode: SHANCHENG, villageCode: null, location: at(35.09, 117.465), wage: pay(180, 220, 'day'), type: 'gig',
    publishedDaysAgo: 2, expiresInDays: 8,
    people: { R12: 3, R43: 1 },
  },
  {
    id: 'P66', title: '瓦工·凫城东凫山盖房', occupationCode: '6-06-01', skills: ['砌墙'],
    townCode: FUCHENG, villageCode: '370406109201', wage: pay(300, 350, 'day'), type: 'gig',
    publishedDaysAgo: 3, expiresInDays: 14,
    people: { R44: 3 },
  },
  {
    id: 'P67', title: '贴砖师傅·山城装修', occupationCode: '6-06-10', skills: ['贴瓷砖'],
    townCode: SHANCHENG, villageCode: null, wage: pay(350, 350, 'day'), type: 'gig',
    publishedDaysAgo: 6, expiresInDays: 14,
    people: { R44: 3 },
  },
  {
    id: 'P68', title: '维修电工·开发区', occupationCode: '6-08-01', skills: ['低压电工证'],
    townCode: KAIFAQU, villageCode: null, location: at(35.064, 117.443), wage: pay(6000, 7000, 'month'), type: 'full_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R46: 3, R45: 1 },
  },
  {
    id: 'P69', title: '物业维修工·山城小区', occupationCode: '4-02-05', skills: ['水电维修'],
    townCode: SHANCHENG, villageCode: null, wage: pay(4500, 4500, 'month'), type: 'full_time',
    publishedDaysAgo: 7, expiresInDays: 23,
    people: { R45: 3 },
  },

  // ── factories ──
  {
    id: 'P70', title: '石材切割·冯卯石材厂', occupationCode: '6-03-01', skills: ['切割机'],
    townCode: FENGMAO, villageCode: '370406108209', wage: pay(6000, 8000, 'month'), type: 'full_time',
    publishedDaysAgo: 4, expiresInDays: 26,
    people: { R47: 3 },
  },
  {
    id: 'P71', title: '石材打磨·冯卯', occupationCode: '6-03-02', skills: ['打磨'],
    townCode: FENGMAO, villageCode: null, wage: pay(5000, 6000, 'month'), type: 'full_time',
    publishedDaysAgo: 9, expiresInDays: 21,
    people: { R47: 3 },
  },
  {
    id: 'P72', title: '普工·开发区机械厂', occupationCode: '6-10-01', skills: ['流水线'],
    townCode: KAIFAQU, villageCode: null, wage: pay(4500, 5500, 'month'), type: 'full_time',
    publishedDaysAgo: 2, expiresInDays: 28,
    people: { R48: 3, R13: 1, R17: 1 },
  },
  {
    id: 'P73', title: '质检员·开发区', occupationCode: '6-10-03', skills: ['质检'],
    townCode: KAIFAQU, villageCode: null, wage: pay(4000, 5000, 'month'), type: 'full_time',
    publishedDaysAgo: 8, expiresInDays: 22,
    people: { R48: 3, R11: 1 },
  },
  {
    id: 'P75', title: '数控车床操作工·开发区', occupationCode: '6-04-03', skills: ['数控', '看图纸'],
    townCode: KAIFAQU, villageCode: null, location: at(35.061, 117.455), wage: pay(6500, 8000, 'month'), type: 'full_time',
    publishedDaysAgo: 3, expiresInDays: 27,
    people: { R49: 3 },
  },
  {
    id: 'P76', title: '车工·山城机修厂', occupationCode: '6-04-02', skills: ['车床'],
    townCode: SHANCHENG, villageCode: null, wage: pay(6000, 6000, 'month'), type: 'full_time',
    publishedDaysAgo: 10, expiresInDays: 20,
    people: { R49: 3 },
  },

  // ── care ──
  {
    id: 'P62', title: '养老护理员·店子敬老院', occupationCode: '4-05-06', skills: ['照顾老人'],
    townCode: DIANZI, villageCode: '370406101200', wage: pay(3000, 3500, 'month'), type: 'full_time',
    publishedDaysAgo: 6, expiresInDays: 24,
    people: { R50: 3 },
  },
  {
    id: 'P63', title: '医院护工·山城', occupationCode: '4-05-05', skills: ['陪护'],
    townCode: SHANCHENG, villageCode: null, location: at(35.094, 117.452), wage: pay(3500, 4500, 'month'), type: 'full_time',
    publishedDaysAgo: 9, expiresInDays: 21,
    people: { R50: 3 },
  },
  {
    id: 'P64', title: '月嫂·山城家政', occupationCode: '4-05-03', skills: ['母婴护理'],
    townCode: SHANCHENG, villageCode: null, location: at(35.096, 117.463), wage: pay(8000, 10000, 'month'), type: 'full_time',
    publishedDaysAgo: 4, expiresInDays: 26,
    people: { R51: 3, R52: 1 },
  },
  {
    id: 'P65', title: '育儿嫂·山城', occupationCode: '4-05-04', skills: ['带孩子'],
    townCode: SHANCHENG, villageCode: null, wage: pay(5000, 5000, 'month'), type: 'full_time',
    publishedDaysAgo: 5, expiresInDays: 25,
    people: { R52: 3 },
  },

  // ── no longer open: perfect fits that must not be shown ──
  {
    id: 'X01', title: '电焊工·桑村（已招满）', occupationCode: '6-05-01', skills: ['电焊'],
    townCode: SANGCUN, villageCode: '370406103202', wage: pay(8000, 9000, 'month'), type: 'full_time',
    publishedDaysAgo: 12, expiresInDays: 18, status: 'closed',
    people: {},
  },
  {
    id: 'X02', title: '收银（上午班，已过期）·山城', occupationCode: '4-07-05', skills: ['收银'],
    townCode: SHANCHENG, villageCode: null, location: at(35.1, 117.446), wage: pay(18, 18, 'hour'), type: 'part_time',
    publishedDaysAgo: 32, expiresInDays: -2,
    people: {},
  },
  {
    id: 'X03', title: '樱桃采摘日薪300（被举报）·北庄杏峪', occupationCode: '5-02-02', skills: ['摘樱桃'],
    townCode: BEIZHUANG, villageCode: '370406104204', wage: pay(300, 300, 'day'), type: 'seasonal',
    publishedDaysAgo: 1, expiresInDays: 20, openReports: 3,
    people: {},
  },
];
