import type { PostType, WageUnit } from '../enums/job-posting';
import type { ComplianceCategory, ComplianceSeverity } from './types';

/*
 * The compliance rule set, as data. The patterns run on NORMALISED text (see normalizeComplianceText in
 * check.ts): full-width turned half-width (so "，" is ",", "：" is ":", "（" is "("), whitespace and
 * zero-width characters removed, a line break turned into "。", Latin letters lower-cased, every dash "-".
 * So a pattern writes "hbv", never "HBV", and never allows for spaces.
 *
 * Patterns must run on the old JavaScript engines of WeChat on older phones: no lookbehind, no `u` or `d`
 * flags. A number that must not be the tail of a longer number is preceded by a named group `pre`, which
 * the check leaves out of the reported match.
 *
 * A match is dropped when it overlaps a match of one of the rule's exceptions, so 不限男女 (which contains
 * 限男) passes while 无押金……但需交培训费 still trips on the fee.
 *
 * docs/business-logic/post-compliance.md lists every rule for reviewers; change it with this file.
 */

interface RuleBase {
  /** Stable id, stored with the post's flags: never rename one. */
  id: string;
  category: ComplianceCategory;
  severity: ComplianceSeverity;
  /** The law and article the rule applies. */
  law: string;
}

/** A rule that looks for words in the title, description and skills. */
export interface TextRule extends RuleBase {
  kind: 'text';
  /** Plain Chinese for the employer; `{match}` becomes the quoted words found. */
  message: string;
  /** Any of these, outside an exception, trips the rule. */
  patterns: RegExp[];
  /** Each of these must also occur somewhere (outside an exception and not on the same words). */
  requires?: RegExp[];
  /** Words that make a match a near miss (男女不限, 无押金, 欢迎乙肝携带者 …). */
  exceptions?: RegExp[];
  /** Only when the post states no pay at all: no wageMin and no figure such as "3000元" in the text. */
  onlyWithoutWageFigure?: boolean;
}

/** What a wage is compared with, in 元 per the post's unit. */
export type WageFloor =
  /** 月最低工资标准. */
  | 'monthly'
  /** 月最低工资标准 ÷ 21.75 (月计薪天数). */
  | 'daily'
  /** 月最低工资标准 ÷ 21.75 ÷ 8: the hourly figure of a full-time wage. */
  | 'fullTimeHourly'
  /** 小时最低工资标准 (非全日制). */
  | 'hourly'
  /** 小时最低工资标准 × 4: a part-time day of unknown length cannot honestly be shorter than that. */
  | 'halfDayHourly';

/** A rule that compares the lower end of the pay with the district's minimum wage. */
export interface WageRule extends RuleBase {
  kind: 'wage';
  category: 'wage';
  /** `{wage}` the post's wageMin, `{floor}` the figure compared with, `{monthly}` / `{hourly}` the standards. */
  message: string;
  /** Post types it applies to; a post without a type is treated as full_time. */
  types: PostType[];
  unit: WageUnit;
  floor: WageFloor;
}

/** A rule on the spread of the pay range. */
export interface PayRangeRule extends RuleBase {
  kind: 'payRange';
  category: 'unclear_pay';
  /** `{min}`, `{max}`, `{unit}` (元/月 …), `{ratio}`. */
  message: string;
  /** Flag when wageMax is more than this many times wageMin. */
  maxRatio: number;
}

export type ComplianceRule = TextRule | WageRule | PayRangeRule;

// ---- word lists shared by several rules (regular-expression source, normalised text) ----

/** Words that make what precedes them a condition of hiring: 限, 只招, 要求 … */
const LIMIT = '(?:只限|仅限|限于|限定|限|只招收?|仅招收?|只要|只收|仅收|只录用?|仅录用?|只聘|仅聘|要求|需要是?|需|必须是?|须)';
/** Words that shut a group out: 勿扰, 免谈, 不要 … (不要求, 不收费 are not refusals). */
const EXCLUDE =
  '(?:请?勿(?:扰|应聘|报名|投递|打扰|联系|来电|咨询)|免谈|不要(?!求)|不招|不收(?!费|取)|不予?录用|不聘|不予?考虑|谢绝|莫扰|慎投|绕道|除外|免进)';
/** Verbs that refuse someone, placed before the group: 不招女, 谢绝外地人 … */
const REFUSE = '(?:不招|不要|不收|不聘|不予?录用|谢绝|拒收|拒招|拒绝)';
/** Words for a preference, placed after the group: 男性优先 … */
const PREFER = '(?:优先|为主|最好|更佳|最佳)';
/** Words that deny a charge: 无押金, 免培训费, 不收任何费用 … */
const NEG = '(?:无|免|免收|不收|不收取|无需|无须|不需|不需要|不用|不要|不交|不缴|零|没有|拒绝|绝不|从不|不存在|杜绝)';
/** The names of charges an employer may not make, without the 费. */
const FEE_NAMES =
  '(?:培训|服装|工装|工服|制服|体检|报名|介绍|中介|面试|入职|上岗|押证|建档|资料|办证|工牌|胸卡|厂牌|会员|入会|激活|信息|考试|认证|手续)';
/** Employers, as the payer in 公司承担, 厂里报销 … */
const EMPLOYER = '(?:公司|单位|厂里|厂方|本厂|本公司|我司|我方|我厂|企业|老板|店里|本店)';
/** A number not glued to a preceding number (see the note at the top). */
const PRE = '(?<pre>^|[^0-9.一二三四五六七八九十两〇零])';
/** Places an employer may name as "our own": 本地, 本县, 山亭 … */
const PLACES_LOCAL = '(?:本地|本县|本区|本市|本镇|本乡|本村|当地|山亭区?|枣庄市?|城镇|城市|非农业?)';
/** Places and origins an employer may shut out: 外地, 农村, a province … */
const PLACES_OTHER =
  '(?:外地|外省|外县|外市|外区|外乡|外来|农村|乡下|北京|天津|河北|山西|内蒙古?|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|东北|西北|南方|北方)';
/** 乙肝 and its names. */
const HBV = '(?:乙肝|乙型肝炎|hbv|hbsag|澳抗|大三阳|小三阳)';
/** Marital and childbearing status. */
const MARITAL = '(?:已婚已育|已婚未育|未婚未育|未婚|已婚|已育|未育|未生育|已生育|单身|离异|丧偶)';
/** Payment asked of the worker before or to get the job (the signature of a recruitment scam). 先付 and
 * 预付 are left out: 工资先付, 预付工资 are the employer paying. */
const PAY_FIRST =
  '(?:先(?:交|缴|充|垫)|预(?:交|缴)|垫付|垫资|(?:会员|入会|激活|开通|认证|注册|入门|加盟|材料|押|保证|报名|培训|账户|解冻|提现|诚信)(?:费|金)|充值|交(?:钱|费)|(?:购买|买)(?:材料|资料|软件|课程|会员|设备|原料|套餐))';

const re = (source: string): RegExp => new RegExp(source);

/** Fees that are denied or paid by the employer: the exceptions of every fee and scam rule. */
const FEE_DENIED: RegExp[] = [
  re(`${NEG}(?:交|缴|付|收|收取|支付|缴纳|交纳|扣)?(?:${FEE_NAMES}|任何|其他|额外|一切|的|[、和及与/])*(?:费用?|押金|保证金|钱)`),
  re(`(?:押金|保证金)(?:全免|全无|为零|0元|零元|:无|:0|:免)`),
  re(`${EMPLOYER}(?:全额|全部|统一)?(?:承担|负责|报销|出|支付|提供|包|垫付|垫资|补贴)(?:${FEE_NAMES}|任何|全部|[、和及与/])*费用?`),
  re(`${FEE_NAMES}(?:[、和及与/]${FEE_NAMES})*费用?(?:由|均由|全由)?(?:${EMPLOYER}(?:全额|全部)?(?:承担|负责|报销|出|支付)|报销|全免|免费|补贴|包)`),
  re(`(?:政府|国家)(?:全额)?(?:补贴|承担|出资|免费)(?:${FEE_NAMES}|[、和及与/])*费?用?`),
  // anti-fraud advice in a post: 凡收取押金的都是骗子, 谨防交钱被骗
  re('(?:凡是?|任何)[^,。;!?]{0,10}(?:骗子|诈骗|违法|骗局)|(?:谨防|警惕|小心|当心|严防)[^,。;!?]{0,10}'),
];

// ---- the rules ----

export const COMPLIANCE_RULES: readonly ComplianceRule[] = [
  // ---- gender ----
  {
    kind: 'text',
    id: 'gender',
    category: 'gender',
    severity: 'hard',
    message: '招聘不得限定性别，也不得写某一性别优先，请删除{match}等字样（国家规定不适合妇女的岗位请在描述中写明依据）',
    law: '《就业促进法》第三条、第二十七条；《妇女权益保障法》第四十三条',
    patterns: [
      // 限男性, 只招女工, 仅限女性, 要求男, 需女工 — but not 只招女装车工
      re(`${LIMIT}(?:[0-9一二两三四五六七八九十几数]+(?:名|位|个))?(?:男|女|妇女)(?:性|士|生|工|的|人|同志)?(?![女男装鞋包款童式])`),
      // 男性优先, 女工优先
      re(`(?:男|女|妇女)(?:性|士|生|工|的|人|同志)?${PREFER}`),
      // 女士勿扰, 男的不要
      re(`(?:男|女|妇女)(?:性|士|生|工|的|人|同志)?${EXCLUDE}`),
      // 不招女, 谢绝男士
      re(`${REFUSE}(?:男|女|妇女)(?:性|士|生|工|的|人)?(?![女男装鞋包款童式])`),
      // 招男工, 诚聘女性 — but not 招男女工, 招聘女装导购
      re('(?:招|聘)(?:收|用|请)?(?:男|女)(?:性|士|生|工|的|人)?(?![女男装鞋包款童式])'),
      // 性别：男
      re('性别(?:要求)?:?(?:男|女)(?![女男])'),
      // "男35岁以下", "……，35岁以下，女" and "焊工（男）": a sex standing alone as a condition
      re('(?<pre>^|[,;:(。、])(?:男|女)(?:性|士|工)?:?[0-9]{2}'),
      re('\\((?:限|仅限)?(?:男|女)(?:性|士|工|生)?(?:优先)?\\)'),
      re('(?<pre>^|[,;:(。、])(?:男|女)性?(?=[,;。)]|$)'),
    ],
    exceptions: [
      re('男女|女男|子女|儿女|不要求|无要求|没有要求'),
      re('(?:上|下|有|无|期|时|权|界|极|局|年)限'),
      re('男(?:性|士|工|生)[、/和及或与]?女(?:性|士|工|生)|女(?:性|士|工|生)[、/和及或与]?男(?:性|士|工|生)'),
      re('(?:性别|男女)不限|不限(?:性别|男女)'),
    ],
  },

  // ---- ethnicity ----
  {
    kind: 'text',
    id: 'ethnicity',
    category: 'ethnicity',
    severity: 'hard',
    message: '招聘不得限定或排斥民族，请删除{match}等字样',
    law: '《就业促进法》第三条、第二十八条；《人力资源市场暂行条例》第二十四条',
    patterns: [
      // 限汉族, 汉族优先, 要求汉族: in a job post 汉族 is only ever a condition
      re(`(?:${LIMIT})?汉族(?:人|同胞)?(?:${PREFER})?`),
      re(`(?:少数民族|回族|维吾尔族|维族|藏族|彝族|蒙古族|壮族|苗族|哈萨克族)(?:人|同胞|人员)?${EXCLUDE}`),
      re(`${REFUSE}(?:少数民族|回族|维吾尔族|维族|藏族|彝族|蒙古族|壮族|苗族|哈萨克族)`),
      re('(?:民族|族别)(?:要求)?:?汉'),
    ],
    exceptions: [
      re('(?:不限|不论|不分)民族|民族不限|各民族'),
      // 汉族、回族均可; 汉族少数民族一视同仁
      re('汉族(?:[、/和及与或]?[\u4e00-\u9fa5]{1,4}族)+(?:均可|皆可|都可|不限|都欢迎|均欢迎|一视同仁|同等对待)'),
    ],
  },

  // ---- 户籍 ----
  {
    kind: 'text',
    id: 'hukou',
    category: 'hukou',
    severity: 'hard',
    message: '招聘不得限定户籍、地域，也不得排斥外地或农村劳动者，请删除{match}等字样',
    law: '《就业促进法》第三十一条；《就业服务与就业管理规定》第五条、第二十条',
    patterns: [
      // 只要本地人, 限本地户口, 需城镇户口
      re(`${LIMIT}${PLACES_LOCAL}(?:户口|户籍|籍|人|居民|村民|常住人口)`),
      // 本县户籍, 城镇户口 (a preference is the soft rule below)
      re(`${PLACES_LOCAL}(?:户口|户籍|籍)(?!所在地|地址|${PREFER})`),
      // 外地人勿扰, 农村户口不要, 河南人免谈
      re(`${PLACES_OTHER}(?:人|户口|户籍|籍|人员|务工人员|的)?${EXCLUDE}`),
      re(`${REFUSE}${PLACES_OTHER}`),
      // 户籍要求：本地
      re('(?:户口|户籍|籍贯)(?:要求|限制)?:?(?:本地|本县|本区|本市|山亭|枣庄|城镇|非农)'),
    ],
    exceptions: [
      re('(?:不限|不论|不问|不分)(?:户口|户籍|籍贯|地域|本地外地|本地|外地|城乡)|(?:户口|户籍|籍贯|地域)不限'),
      // 本地外地均可, 城镇户口农村户口都可以
      re(
        '(?:本地|外地|城镇|农村|外省|本县|外县)(?:户口|户籍|人)?[、/和及与或]?(?:本地|外地|城镇|农村|外省|本县|外县)(?:户口|户籍|人)?(?:均可|皆可|都可|都行|均欢迎|都欢迎|不限|一视同仁)',
      ),
    ],
  },
  {
    kind: 'text',
    id: 'hukou-preference',
    category: 'hukou',
    severity: 'soft',
    message: '写明本地户籍或本地人优先，可能构成对外地、农村劳动者的歧视，请审核（可改为"离家近""附近优先"等说明通勤的写法）',
    law: '《就业促进法》第三十一条；《就业服务与就业管理规定》第五条、第二十条',
    // 优先 only: 以本地为主 is as often about customers as about workers
    patterns: [re('(?:本地|本县|本区|本市|本镇|本乡|本村|当地|山亭区?|枣庄市?)(?:户口|户籍|籍|人|居民|村民)?优先')],
  },

  // ---- health ----
  {
    kind: 'text',
    id: 'health-hbv',
    category: 'health',
    severity: 'hard',
    message: '不得以乙肝病原携带为由拒绝录用，也不得把乙肝项目列为入职体检要求，请删除{match}等字样',
    law: '《就业促进法》第三十条；《就业服务与就业管理规定》第十九条',
    patterns: [
      // 乙肝勿扰, 乙肝携带者不要
      re(`${HBV}(?:病毒)?(?:携带者?|阳性|患者|病人|者|人员|人士)?${EXCLUDE}`),
      re(`${REFUSE}${HBV}`),
      // 需乙肝五项, 体检查乙肝
      re(`${HBV}(?:病毒)?(?:五项|两对半|二对半|检查|检测|筛查|项目|化验|指标|表面抗原)`),
      re(`(?:查|检查|检测|化验|筛查)${HBV}`),
      re(`${HBV}[^,。;!?]{0,4}阴性`),
    ],
    exceptions: [
      re(`(?:不|无需|无须|不需要?|不用|免|不会)(?:查|检查|检测|做|要求|化验|筛查)?${HBV}`),
      re(`欢迎${HBV}|不歧视${HBV}`),
      re(`${HBV}(?:病毒)?(?:携带者?)?(?:也可|可以|均可|欢迎|不影响|无影响|亦可|不限|没关系|无妨|可)`),
    ],
  },
  {
    kind: 'text',
    id: 'health-carrier',
    category: 'health',
    severity: 'hard',
    message: '不得以传染病病原携带者（含艾滋病病毒感染者）为由拒绝录用，请删除{match}等字样',
    law: '《就业促进法》第三十条；《艾滋病防治条例》第三条',
    patterns: [
      re(`(?:hiv|艾滋病?病毒|艾滋病?)(?:携带者?|阳性|感染者|患者|病人)?${EXCLUDE}`),
      re(`${REFUSE}(?:hiv|艾滋)`),
      re(`(?:传染病|病原|病毒)?携带者${EXCLUDE}`),
      re(`${REFUSE}(?:传染病|病原|病毒)?携带者`),
    ],
    exceptions: [
      re('欢迎[^,。;!?]{0,6}携带者|携带者(?:也可|可以|均可|欢迎|不影响|亦可)'),
      // 乙肝携带者 is the rule above
      re(`${HBV}(?:病毒|表面抗原)?携带者?`),
    ],
  },
  {
    kind: 'text',
    id: 'health-disease',
    category: 'health',
    severity: 'soft',
    message:
      '笼统拒绝患病者可能构成就业歧视，请审核：只有法律、法规规定不得从事的岗位（如接触直接入口食品）才可限制，并应写明依据',
    law: '《就业促进法》第三十条；《就业服务与就业管理规定》第二十条',
    patterns: [
      re(`(?:传染病|肺结核|结核病?|性病|梅毒|丙肝|皮肤病|精神病)(?:患者|病人|史|者)?${EXCLUDE}`),
      re(`${REFUSE}(?:传染病|肺结核|结核|性病|梅毒|丙肝|皮肤病|精神病)`),
    ],
  },

  // ---- marital and childbearing status ----
  {
    kind: 'text',
    id: 'marital',
    category: 'marital',
    severity: 'hard',
    message: '不得把婚姻、生育状况作为录用条件，也不得要求限制结婚、生育，请删除{match}等字样',
    law: '《就业促进法》第二十七条；《妇女权益保障法》第四十三条',
    patterns: [
      re(`${LIMIT}${MARITAL}(?:者|人士|人员|女性|男性|女士|男士|妇女)?`),
      re(`${MARITAL}(?:者|人士|人员|女性|男性|女士|男士|妇女|宝妈)?${PREFER}`),
      re(`${MARITAL}(?:者|人士|人员|女性|男性|女士|男士|妇女)?${EXCLUDE}`),
      re(`${REFUSE}${MARITAL}`),
      // 三年内不生育, 一年内不得怀孕
      re(
        '(?:[0-9一二两三四五]|半)年内?(?:不|不能|不得|不准|不许|不可|暂不|不会)(?:结婚|生育|生孩子|生小孩|生娃|要孩子|要小孩|怀孕|生二胎|生三胎)',
      ),
      // 无生育计划
      re('(?:无|暂无|没有|不能有|不得有)(?:生育|怀孕|婚育|结婚|要孩子|生孩子|二胎|三胎)(?:计划|打算|意向|要求)'),
      re('(?:入职|工作|合同期|在职)(?:后|期间|内)[^,。;!?]{0,4}(?:不得|不能|不准|不许|不可)(?:结婚|生育|怀孕|生孩子)'),
      // in a job post these are only ever a condition (已婚 alone is not: 已婚可安排夫妻房)
      re('未婚未育|已婚已育|已婚未育|未婚'),
    ],
    exceptions: [
      re('(?:婚否|婚育|婚姻)(?:状况|情况)?不限|不限(?:婚否|婚育|婚姻)'),
      re('(?:已婚|未婚|已育|未育)[、/和及与或]?(?:已婚|未婚|已育|未育)(?:均可|皆可|都可|不限)'),
    ],
  },
  {
    kind: 'text',
    id: 'marital-pregnancy',
    category: 'marital',
    severity: 'hard',
    message: '不得将妊娠测试作为入职体检项目，也不得拒绝怀孕、哺乳期妇女应聘，请删除{match}等字样',
    law: '《妇女权益保障法》第四十三条',
    patterns: [
      re('(?:妊娠|怀孕|早孕)(?:测试|检测|检查|试验)|孕检(?!假)|验孕|查孕'),
      re(`(?:孕妇|怀孕|孕期|哺乳期)(?:者|的|妇女|女性|期间)?${EXCLUDE}`),
      re(`${REFUSE}(?:孕妇|怀孕|孕期|哺乳期)`),
    ],
  },

  // ---- age ----
  {
    kind: 'text',
    id: 'age-child-labour',
    category: 'age',
    severity: 'hard',
    message: '禁止招用未满16周岁的未成年人，请把最低年龄改为16周岁以上并删除{match}',
    law: '《劳动法》第十五条；《禁止使用童工规定》第二条；《就业服务与就业管理规定》第十四条',
    patterns: [
      // 15-45岁: a range that starts below 16
      re(`${PRE}(?:1[0-5]|[5-9]|十[一二三四五]?)(?:周?岁)?(?:-|~|至|到)(?:[0-9]{2}|[一二三四五六七]?十[一二三四五六七八九]?)周?岁`),
      // 15岁以上, 14周岁即可
      re(`${PRE}(?:1[0-5]|[5-9]|十[一二三四五]?)周?岁(?:以上|及以上|起|以上即可|即可|就可以|可)`),
      re('(?:未满|不满)(?:16|十六)周?岁(?:的)?(?:也可|可以|均可|亦可|可)'),
      re('(?:1[0-5]|16|十六)周?岁以下(?:的)?(?:也可|可以|均可|亦可|可)'),
      // 初中生也可, 初中生暑假工 — but not 小学生辅导老师
      re('童工|(?:在校)?(?:初中生|小学生)(?:也可|均可|亦可|也可以|都可以|都可|暑假工|寒假工|暑期工|假期工)'),
    ],
    exceptions: [
      re(`(?:童工|初中生|小学生)${EXCLUDE}`),
      re(
        '(?:禁止|严禁|杜绝|不得|不使用|不用|拒绝|拒用|不招|不收|不雇|无|没有|绝无|不存在)(?:使用|招用|雇佣|雇用|招收)?(?:童工|初中生|小学生)',
      ),
    ],
  },
  {
    kind: 'text',
    id: 'age-limit',
    category: 'age',
    severity: 'soft',
    message: '岗位写有年龄限制{match}，请审核该限制是否确为岗位所需',
    law: '《就业促进法》第三条、第二十六条',
    patterns: [
      // 18-45周岁
      re(`${PRE}(?:[1-9][0-9]|[一二三四五六七]?十[一二三四五六七八九]?)(?:周?岁)?(?:-|~|至|到)(?:[1-9][0-9]|[一二三四五六七]?十[一二三四五六七八九]?)周?岁`),
      // 35岁以下, 限40岁以内, 50岁以上
      re(
        `${PRE}(?:[1-9][0-9]|[二三四五六七]十[一二三四五六七八九]?)周?岁(?:以下|以内|之内|之下|及以下|内|以上|及以上|之上|左右)`,
      ),
      // 年龄：25-40, 年龄要求35
      re('(?:年龄|年纪)(?:要求|限制|限|在|为|:)*[1-9][0-9](?:周?岁)?(?:(?:-|~|至|到)[1-9][0-9](?:周?岁)?)?(?:以下|以内|以上|左右)?'),
      // 45岁以上勿扰
      re(`${PRE}[1-9][0-9]周?岁(?:以上|以下)?${EXCLUDE}`),
      // 限年轻人, 年轻人优先, 年龄大的勿扰, 90后优先
      re(`(?:限|只要|只招|要求)(?:年轻人?|中青年|青年)|(?:年轻人?|年轻的|年龄小的?)${PREFER}`),
      re(`(?:中老年人?|老年人|年龄大的?|上了年纪的?|大龄)${EXCLUDE}`),
      re('(?:60|70|80|85|90|95|00|05)后'),
    ],
    exceptions: [
      re('(?:年龄|年纪)不限|不限年龄'),
      // the legal floor is not an age limit
      re('(?:年满|满)?(?:1[6-8]|十[六七八])周?岁(?:以上|及以上|起)'),
      re('[0-9:.](?:60|70|80|85|90|95|00|05)后'),
    ],
  },

  // ---- deposits, fees, papers ----
  {
    kind: 'text',
    id: 'fee-deposit',
    category: 'fee',
    severity: 'hard',
    message: '用人单位不得以任何名义向劳动者收取押金、保证金，请删除{match}等内容',
    law: '《劳动合同法》第九条；《就业服务与就业管理规定》第十四条',
    patterns: [
      re('(?:押|保证|抵押|风险|质押|诚信)金'),
      // 押一个月工资: a deposit taken out of pay (压一个月发 is only the pay date, and lawful)
      re('押(?:一个?|1个?|两个?|2个?|半个?|首)月(?:的)?(?:工资|工钱|薪水)'),
    ],
    exceptions: FEE_DENIED,
  },
  {
    kind: 'text',
    id: 'fee-charges',
    category: 'fee',
    severity: 'hard',
    message: '用人单位不得向求职者收取培训费、服装费、体检费、报名费等任何费用，请删除{match}等内容',
    law: '《劳动合同法》第九条；《就业服务与就业管理规定》第十四条',
    patterns: [
      // 培训费, 服装费, 工装费, 报名费 … (体检费 is below: only when the employer takes it)
      re(
        '(?:培训|服装|工装|工服|制服|报名|介绍|中介|面试|入职|上岗|押证|建档|资料|办证|工牌|胸卡|厂牌|会员|入会|激活|信息|考试|认证)费',
      ),
      re('(?:交|缴|收|扣|付)(?:纳|取|除)?体检费|体检费用?:?[0-9]+(?:元|块)?|体检费用?(?:从|由)?(?:工资|首月工资)(?:中|里)?(?:扣|代扣)'),
      // 需先交300元, 入职要交钱
      re('(?:先|需|要|须|需要|必须|得|请)+(?:交|缴|付|支付(?!宝)|缴纳|交纳)(?:[0-9]+(?:元|块)?|[^,。;!?]{0,6}?(?:钱|费用?))'),
      re('收取[^,。;!?]{0,6}?(?:费|钱)|交钱|交费|付费(?:上岗|入职|培训)'),
    ],
    exceptions: [
      ...FEE_DENIED,
      // lawful: the worker's own share of social insurance and tax, and board and lodging they choose
      re('(?:交|缴|缴纳|交纳|扣|扣除|代扣|代缴)[^,。;!?]{0,4}(?:社保|社会保险|五险|医保|公积金|个税|所得税)'),
      re('(?:社保|社会保险|五险|医保|公积金|个税)(?:个人部分|个人)?(?:交费|缴费|费用?|由个人)'),
      re('工会会费|党费|水电费|电费|水费|伙食费|餐费|住宿费|房租'),
    ],
  },
  {
    kind: 'text',
    id: 'fee-id-retention',
    category: 'fee',
    severity: 'hard',
    message: '用人单位不得扣押劳动者的身份证等证件，请删除{match}',
    law: '《劳动合同法》第九条；《就业服务与就业管理规定》第十四条',
    patterns: [
      re('(?:扣押|扣留|押|收押|暂扣|暂押|抵押|保管|代管)(?:在公司)?(?:身份证|证件|毕业证|学历证|户口本|驾驶证|驾照|银行卡|工资卡)(?!复印件)'),
      re(
        '(?:身份证|毕业证|学历证|户口本|驾驶证|驾照|银行卡|工资卡)(?:原件)?(?:需|要|须|由|交由?|押在|放在)?(?:公司|单位|厂里|厂方)?(?:统一)?(?:扣押|押|保管|代管|暂扣|暂存|抵押)',
      ),
    ],
    exceptions: [
      re('(?:不|不会|不需|无需|绝不|从不)(?:扣押|押|扣|收|保管|扣留|代管)'),
      // advice to the seeker: 请妥善保管身份证
      re('妥善保管|保管好|自行保管|自己保管|本人保管'),
    ],
  },

  // ---- scams ----
  {
    kind: 'text',
    id: 'scam-brushing',
    category: 'scam',
    severity: 'hard',
    message: '刷单、刷信誉、点赞员等是常见的招聘诈骗，本平台不予发布（{match}）',
    law: '《就业服务与就业管理规定》第十四条；《电子商务法》第十七条',
    patterns: [
      re('刷(?:单|信誉|钻|好评|销量|流量|点赞|评论|粉丝)'),
      re('点赞(?:员|兼职|任务|赚钱|返佣|日结)'),
      re('(?:抖音|快手|淘宝|拼多多|京东|小红书|微博)(?:点赞|关注|刷|评论|做任务|兼职)'),
      re('做任务(?:返佣|返利|赚钱|日结|佣金)|本金(?:返还|秒返|加佣金)|(?:垫付|垫资)(?:返|赚|佣金|本金)'),
    ],
    exceptions: [
      re('印刷|粉刷|刷漆|刷墙|刷卡|牙刷|毛刷|刷子|刷胶|刷油|刷浆'),
      // anti-fraud advice: 谨防刷单诈骗, 本岗位不是刷单
      re('(?:谨防|警惕|严禁|禁止|拒绝|不是|并非|非|不做|不搞|不涉及|防止|小心|当心)[^,。;!?]{0,4}(?:刷|点赞|垫付|做任务)'),
      re('(?:刷单|刷信誉|点赞)[^,。;!?]{0,4}(?:诈骗|骗局|违法|是骗)'),
    ],
  },
  {
    kind: 'text',
    id: 'scam-advance-payment',
    category: 'scam',
    severity: 'hard',
    message: '"网上/手机兼职、打字员、日结"等岗位要求先交钱或垫付，是常见的招聘诈骗，本平台不予发布（{match}）',
    law: '《就业服务与就业管理规定》第十四条；《劳动合同法》第九条',
    patterns: [
      re(
        '(?:手机|网络|网上|线上|在家|居家|宅家|微信|qq|抖音|淘宝|拼多多|快手)(?:兼职|打字|录入|赚钱|挣钱|做任务|任务|工作|操作|点赞)|打字员|打字录入|录入员|抄写员|手工活?(?:外发|外包|拿回家|在家做)|外发(?:加工|手工)|串珠|日赚|日入|秒结|月入过?万|躺赚|高佣金?|动动手指|足不出户|日结',
      ),
    ],
    requires: [re(PAY_FIRST)],
    exceptions: [...FEE_DENIED, re(`${EMPLOYER}(?:先)?(?:垫付|垫资|承担|报销)`)],
  },
  {
    kind: 'text',
    id: 'scam-suspect',
    category: 'scam',
    severity: 'soft',
    message: '岗位有网络兼职、轻松高收入等常见诈骗特征（{match}），请审核用人单位与岗位的真实性',
    law: '《人力资源市场暂行条例》第二十四条',
    patterns: [re('(?:手机|网络|网上|线上|在家|居家|宅家)(?:兼职|打字|录入|赚钱|挣钱|做任务|工作)|日赚|日入|秒结|躺赚|动动手指|足不出户')],
    requires: [re('日结|日赚|日入|秒结|当天结|当日结|轻松|月入过?万|高薪|无需经验|零基础|不限经验|时间自由|多劳多得')],
  },

  // ---- pay ----
  {
    kind: 'wage',
    id: 'wage-monthly',
    category: 'wage',
    severity: 'hard',
    message: '月工资下限{wage}元低于本区最低工资标准{floor}元，请提高工资后再提交',
    law: '《劳动法》第四十八条；《最低工资规定》第十二条',
    types: ['full_time', 'seasonal', 'shared_staff', 'gig'],
    unit: 'month',
    floor: 'monthly',
  },
  {
    kind: 'wage',
    id: 'wage-daily',
    category: 'wage',
    severity: 'hard',
    message: '日工资下限{wage}元低于本区最低工资标准折算的日工资{floor}元（月标准{monthly}元÷21.75天），请提高工资后再提交',
    law: '《劳动法》第四十八条；《最低工资规定》第十二条',
    types: ['full_time', 'seasonal', 'shared_staff'],
    unit: 'day',
    floor: 'daily',
  },
  {
    kind: 'wage',
    id: 'wage-hourly-full-time',
    category: 'wage',
    severity: 'hard',
    message:
      '全日制岗位小时工资下限{wage}元低于本区月最低工资标准折算的{floor}元（{monthly}元÷21.75天÷8小时），请提高工资后再提交',
    law: '《劳动法》第四十八条；《最低工资规定》第五条、第十二条',
    types: ['full_time', 'seasonal', 'shared_staff'],
    unit: 'hour',
    floor: 'fullTimeHourly',
  },
  {
    kind: 'wage',
    id: 'wage-hourly-part-time',
    category: 'wage',
    severity: 'hard',
    message: '小时工资下限{wage}元低于本区小时最低工资标准{floor}元，请提高工资后再提交',
    law: '《劳动合同法》第七十二条；《最低工资规定》第五条、第十二条',
    types: ['part_time', 'gig'],
    unit: 'hour',
    floor: 'hourly',
  },
  {
    kind: 'wage',
    id: 'wage-daily-part-time',
    category: 'wage',
    severity: 'soft',
    message: '兼职日工资{wage}元不到本区小时最低工资标准{hourly}元的4小时（{floor}元），请审核每天的工作时长',
    law: '《劳动合同法》第七十二条；《最低工资规定》第五条、第十二条',
    types: ['part_time'],
    unit: 'day',
    floor: 'halfDayHourly',
  },
  {
    kind: 'wage',
    id: 'wage-daily-gig',
    category: 'wage',
    severity: 'soft',
    message: '零工日工资{wage}元低于本区最低工资标准折算的日工资{floor}元，请审核每天的工作时长',
    law: '《劳动法》第四十八条；《最低工资规定》第十二条',
    types: ['gig'],
    unit: 'day',
    floor: 'daily',
  },
  {
    kind: 'text',
    id: 'pay-negotiable',
    category: 'unclear_pay',
    severity: 'soft',
    message: '工资写为{match}，求职者无法判断收入，请审核并建议写明具体工资',
    law: '《人力资源市场暂行条例》第二十四条',
    patterns: [
      re(
        '(?:工资|薪资|薪水|待遇|薪酬|报酬|月薪|日薪)(?::)?(?:面议|面谈|详谈|另议|商议|协商|再议|私聊|私信|详聊|电话沟通|来电咨询|见面谈|可谈|好商量)',
      ),
      re('面议'),
    ],
  },
  {
    kind: 'text',
    id: 'pay-vague',
    category: 'unclear_pay',
    severity: 'soft',
    message: '只写了{match}而没有具体工资，请审核并建议写明工资数额',
    law: '《人力资源市场暂行条例》第二十四条',
    patterns: [
      re(
        '待遇(?:优厚|丰厚|从优|优越|优|好|高)|高薪|薪资(?:丰厚|优厚|可观)|工资(?:高|可观|丰厚|优厚)|收入(?:可观|丰厚|不菲)|上不封顶',
      ),
    ],
    onlyWithoutWageFigure: true,
  },
  {
    kind: 'payRange',
    id: 'pay-range-wide',
    category: 'unclear_pay',
    severity: 'soft',
    message: '工资范围{min}–{max}{unit}跨度过大（上限超过下限的{ratio}倍），请审核并建议写明大多数人实际能拿到的工资',
    law: '《人力资源市场暂行条例》第二十四条',
    maxRatio: 3,
  },
];
