import type { Availability, Benefit, EducationLevel, IndustryCode, KeyGroup, PostType, WageUnit } from '@zaogong/shared';

/**
 * Demo data for `npm start` and for trying the product: invented firms and people in 山亭区's real
 * 镇街 and 村居. Credit codes and 身份证号 are built with valid check characters from an 8-character
 * base / a 17-digit body, so they pass the validators while belonging to nobody real.
 */
export interface DemoEmployer {
  key: string;
  name: string;
  orgBase: string;
  industryCode: IndustryCode;
  townCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
}

export const DEMO_EMPLOYERS: DemoEmployer[] = [
  { key: 'douzhipin', name: '山亭区福源豆制品加工厂', orgBase: 'MA3D0F01', industryCode: 'C', townCode: '370406103', address: '桑村镇驻地工业路8号', contactName: '孙厂长', contactPhone: '13905461001' },
  { key: 'subian', name: '枣庄鑫达塑编有限公司', orgBase: 'MA3D0F02', industryCode: 'C', townCode: '370406102', address: '西集镇工业园区3号', contactName: '王经理', contactPhone: '13905461002' },
  { key: 'shicai', name: '山亭区北庄石材有限公司', orgBase: 'MA3D0F03', industryCode: 'C', townCode: '370406104', address: '北庄镇石材产业园', contactName: '李总', contactPhone: '13905461003' },
  { key: 'jixie', name: '枣庄山亭宏远机械制造有限公司', orgBase: 'MA3D0F04', industryCode: 'C', townCode: '370406405', address: '山亭经济开发区泰山路15号', contactName: '赵主管', contactPhone: '13905461004' },
  { key: 'wuliu', name: '山亭区通达物流有限公司', orgBase: 'MA3D0F05', industryCode: 'G', townCode: '370406001', address: '山城街道府前路66号', contactName: '刘调度', contactPhone: '13905461005' },
  { key: 'dianshang', name: '枣庄山亭乡味电子商务有限公司', orgBase: 'MA3D0F06', industryCode: 'I', townCode: '370406001', address: '山城街道电商产业园2楼', contactName: '陈店长', contactPhone: '13905461006' },
  { key: 'wenlv', name: '山亭区熊耳山文化旅游有限公司', orgBase: 'MA3D0F07', industryCode: 'R', townCode: '370406101', address: '店子镇熊耳山景区管理处', contactName: '周经理', contactPhone: '13905461007' },
  { key: 'nongye', name: '山亭区徐庄火樱桃种植专业合作社', orgBase: 'MA3D0F08', industryCode: 'A', townCode: '370406106', address: '徐庄镇驻地', contactName: '马社长', contactPhone: '13905461008' },
  { key: 'yanglao', name: '山亭区康乐养老服务中心', orgBase: 'MA3D0F09', industryCode: 'Q', townCode: '370406105', address: '城头镇康乐路1号', contactName: '吴院长', contactPhone: '13905461009' },
  { key: 'jianzhu', name: '枣庄山亭建安建筑工程有限公司', orgBase: 'MA3D0F0A', industryCode: 'E', townCode: '370406107', address: '水泉镇驻地建设路', contactName: '郑经理', contactPhone: '13905461010' },
];

/** An employer that has registered and waits for an admin to verify it (the admin's queue in the demo). */
export const DEMO_PENDING_EMPLOYER: DemoEmployer = {
  key: 'nongjiale',
  name: '山亭区北庄镇山里人家农家乐',
  orgBase: 'MA3D0F0P',
  industryCode: 'H',
  townCode: '370406104',
  address: '北庄镇洪门村村口',
  contactName: '韩老板',
  contactPhone: '13905461099',
};

export interface DemoPost {
  employer: string;
  title: string;
  occupationCode: string;
  description: string;
  skills: string[];
  wageMin: number;
  wageMax: number;
  wageUnit: WageUnit;
  type: PostType;
  headcount: number;
  townCode: string;
  benefits: Benefit[];
  /** For gig and seasonal work: days from the seed date. */
  startInDays?: number;
  lastsDays?: number;
  /** Published this many hours before the seed time, so the list has a realistic spread. */
  hoursAgo: number;
}

export const DEMO_POSTS: DemoPost[] = [
  { employer: 'douzhipin', title: '豆腐制作工', occupationCode: '6-01-01', description: '负责磨浆、点卤、压制豆腐，有经验者优先，无经验可学。早班4点上班，中午下班。', skills: ['豆腐', '点卤'], wageMin: 4000, wageMax: 5000, wageUnit: 'month', type: 'full_time', headcount: 3, townCode: '370406103', benefits: ['meals', 'social_insurance'], hoursAgo: 2 },
  { employer: 'douzhipin', title: '腐竹豆皮包装工（春节前用工）', occupationCode: '6-10-02', description: '春节前订单多，招包装工，称重、装袋、封口，手脚麻利即可，年龄60岁以内。', skills: ['包装'], wageMin: 120, wageMax: 150, wageUnit: 'day', type: 'seasonal', headcount: 8, townCode: '370406103', benefits: ['meals'], startInDays: 5, lastsDays: 60, hoursAgo: 5 },
  { employer: 'douzhipin', title: '送货司机（C1驾照）', occupationCode: '4-01-01', description: '开厂里的小货车给县城超市、饭店送豆制品，每天上午送货，熟悉山亭城区路线优先。', skills: ['驾驶', 'C1驾照'], wageMin: 4500, wageMax: 5500, wageUnit: 'month', type: 'full_time', headcount: 1, townCode: '370406103', benefits: ['meals', 'social_insurance'], hoursAgo: 30 },
  { employer: 'subian', title: '塑编拉丝工', occupationCode: '6-02-01', description: '操作拉丝机，两班倒，有塑编厂经验者优先，厂里带教。', skills: ['拉丝', '塑编'], wageMin: 5000, wageMax: 6500, wageUnit: 'month', type: 'full_time', headcount: 6, townCode: '370406102', benefits: ['meals', 'housing', 'social_insurance'], hoursAgo: 8 },
  { employer: 'subian', title: '编织袋缝纫工', occupationCode: '6-02-04', description: '缝制编织袋，计件工资，多劳多得，熟手每月五千以上。', skills: ['缝纫', '缝包'], wageMin: 0.3, wageMax: 0.5, wageUnit: 'piece', type: 'full_time', headcount: 10, townCode: '370406102', benefits: ['meals'], hoursAgo: 12 },
  { employer: 'subian', title: '电焊工（设备维修）', occupationCode: '6-05-01', description: '负责车间设备的焊接维修，有焊工证优先，包吃住。', skills: ['电焊', '焊工证'], wageMin: 6000, wageMax: 7500, wageUnit: 'month', type: 'full_time', headcount: 2, townCode: '370406102', benefits: ['meals', 'housing', 'social_insurance'], hoursAgo: 20 },
  { employer: 'subian', title: '叉车司机', occupationCode: '4-01-06', description: '仓库装卸货，需持叉车证，白班。', skills: ['叉车', '叉车证'], wageMin: 5500, wageMax: 6000, wageUnit: 'month', type: 'full_time', headcount: 1, townCode: '370406102', benefits: ['meals', 'social_insurance'], hoursAgo: 44 },
  { employer: 'shicai', title: '石材切割工', occupationCode: '6-03-01', description: '操作红外线切割机切割花岗岩板材，注意安全，厂里发劳保用品。', skills: ['石材切割', '切割机'], wageMin: 6000, wageMax: 8000, wageUnit: 'month', type: 'full_time', headcount: 4, townCode: '370406104', benefits: ['meals', 'housing'], hoursAgo: 3 },
  { employer: 'shicai', title: '石材打磨工', occupationCode: '6-03-02', description: '石材打磨抛光，会使用磨机，按天结算也可以。', skills: ['打磨', '抛光'], wageMin: 200, wageMax: 260, wageUnit: 'day', type: 'full_time', headcount: 5, townCode: '370406104', benefits: ['meals'], hoursAgo: 26 },
  { employer: 'shicai', title: '装卸工（零工）', occupationCode: '4-01-11', description: '石材装车，按天结算，当天干完当天结工钱，身体好能吃苦。', skills: ['装卸', '搬运'], wageMin: 180, wageMax: 220, wageUnit: 'day', type: 'gig', headcount: 6, townCode: '370406104', benefits: [], startInDays: 1, lastsDays: 3, hoursAgo: 1 },
  { employer: 'jixie', title: '数控车床操作工', occupationCode: '6-04-03', description: '操作数控车床加工零件，会看图纸，有经验优先，新手可培训。', skills: ['数控', '车床', '看图纸'], wageMin: 6000, wageMax: 8000, wageUnit: 'month', type: 'full_time', headcount: 4, townCode: '370406405', benefits: ['meals', 'social_insurance', 'housing_fund', 'shuttle'], hoursAgo: 6 },
  { employer: 'jixie', title: '钳工', occupationCode: '6-04-01', description: '设备装配与钳工作业，两年以上经验。', skills: ['钳工', '装配'], wageMin: 6500, wageMax: 8500, wageUnit: 'month', type: 'full_time', headcount: 2, townCode: '370406405', benefits: ['meals', 'social_insurance', 'housing_fund'], hoursAgo: 50 },
  { employer: 'jixie', title: '氩弧焊工', occupationCode: '6-05-02', description: '不锈钢件氩弧焊，持证上岗，计时工资，加班另算。', skills: ['氩弧焊', '焊工证'], wageMin: 35, wageMax: 45, wageUnit: 'hour', type: 'full_time', headcount: 3, townCode: '370406405', benefits: ['meals', 'social_insurance', 'shuttle'], hoursAgo: 15 },
  { employer: 'jixie', title: '质检员', occupationCode: '6-10-03', description: '零件尺寸检验，会用卡尺、千分尺，高中以上文化。', skills: ['质检', '卡尺'], wageMin: 4500, wageMax: 5500, wageUnit: 'month', type: 'full_time', headcount: 1, townCode: '370406405', benefits: ['meals', 'social_insurance', 'housing_fund'], hoursAgo: 70 },
  { employer: 'jixie', title: '车间普工（共享员工）', occupationCode: '6-10-01', description: '订单高峰期，从兄弟企业借调富余员工，三个月，工资按天结算，原单位劳动关系不变。', skills: ['普工'], wageMin: 180, wageMax: 200, wageUnit: 'day', type: 'shared_staff', headcount: 10, townCode: '370406405', benefits: ['meals', 'shuttle'], startInDays: 7, lastsDays: 90, hoursAgo: 9 },
  { employer: 'wuliu', title: '快递分拣员', occupationCode: '4-01-08', description: '快递分拣、扫码，夜班有补贴，年底旺季急招。', skills: ['分拣', '扫码'], wageMin: 4500, wageMax: 5500, wageUnit: 'month', type: 'full_time', headcount: 8, townCode: '370406001', benefits: ['meals', 'social_insurance'], hoursAgo: 4 },
  { employer: 'wuliu', title: '货车司机（A2/B2）', occupationCode: '4-01-01', description: '跑枣庄—临沂—徐州线路，持A2或B2驾照，驾龄三年以上。', skills: ['驾驶', 'B2驾照'], wageMin: 8000, wageMax: 10000, wageUnit: 'month', type: 'full_time', headcount: 2, townCode: '370406001', benefits: ['social_insurance'], hoursAgo: 36 },
  { employer: 'wuliu', title: '快递员（山城街道片区）', occupationCode: '4-01-07', description: '负责山城街道片区派件，公司提供电动车，熟悉路线优先。', skills: ['派件', '电动车'], wageMin: 5000, wageMax: 7000, wageUnit: 'month', type: 'full_time', headcount: 3, townCode: '370406001', benefits: ['social_insurance'], hoursAgo: 60 },
  { employer: 'wuliu', title: '仓库管理员', occupationCode: '4-01-13', description: '出入库登记、盘点，会用电脑和手机录单。', skills: ['仓库管理', '电脑'], wageMin: 4000, wageMax: 4800, wageUnit: 'month', type: 'full_time', headcount: 1, townCode: '370406001', benefits: ['meals', 'social_insurance'], hoursAgo: 90 },
  { employer: 'dianshang', title: '带货主播（山亭土特产）', occupationCode: '4-06-01', description: '直播销售山亭火樱桃、花椒、蜂蜜等土特产，普通话好，能说会道，有经验优先。', skills: ['直播', '普通话'], wageMin: 4000, wageMax: 8000, wageUnit: 'month', type: 'full_time', headcount: 2, townCode: '370406001', benefits: ['social_insurance', 'training'], hoursAgo: 7 },
  { employer: 'dianshang', title: '电商客服（可在家兼职）', occupationCode: '4-06-04', description: '回复网店顾客咨询，会打字，晚上和周末可在家兼职。', skills: ['打字', '客服'], wageMin: 18, wageMax: 22, wageUnit: 'hour', type: 'part_time', headcount: 4, townCode: '370406001', benefits: ['training'], hoursAgo: 18 },
  { employer: 'dianshang', title: '电商打包发货员', occupationCode: '4-06-08', description: '订单打包、贴单、发货，年货节期间招临时工。', skills: ['打包'], wageMin: 130, wageMax: 150, wageUnit: 'day', type: 'seasonal', headcount: 6, townCode: '370406001', benefits: ['meals'], startInDays: 3, lastsDays: 45, hoursAgo: 10 },
  { employer: 'dianshang', title: '电商运营', occupationCode: '4-06-03', description: '负责网店上架、活动报名和数据分析，大专以上。', skills: ['运营', '电脑'], wageMin: 5000, wageMax: 7000, wageUnit: 'month', type: 'full_time', headcount: 1, townCode: '370406001', benefits: ['social_insurance', 'housing_fund'], hoursAgo: 120 },
  { employer: 'wenlv', title: '景区讲解员', occupationCode: '4-08-02', description: '熊耳山景区讲解，普通话标准，熟悉本地历史文化，可培训。', skills: ['讲解', '普通话'], wageMin: 3800, wageMax: 4500, wageUnit: 'month', type: 'full_time', headcount: 2, townCode: '370406101', benefits: ['meals', 'social_insurance', 'training'], hoursAgo: 14 },
  { employer: 'wenlv', title: '民宿管家', occupationCode: '4-08-03', description: '负责民宿接待、客房整理和早餐，住在民宿附近的优先。', skills: ['接待', '客房'], wageMin: 3500, wageMax: 4200, wageUnit: 'month', type: 'full_time', headcount: 2, townCode: '370406101', benefits: ['meals', 'housing'], hoursAgo: 40 },
  { employer: 'wenlv', title: '景区保洁员', occupationCode: '4-02-01', description: '景区步道和公厕保洁，早7点到下午4点，附近村民优先。', skills: ['保洁'], wageMin: 2600, wageMax: 3000, wageUnit: 'month', type: 'full_time', headcount: 4, townCode: '370406101', benefits: ['meals'], hoursAgo: 22 },
  { employer: 'wenlv', title: '农家乐服务员（周末）', occupationCode: '4-08-09', description: '周末和节假日端菜、收拾桌子，按天结算。', skills: ['服务员'], wageMin: 120, wageMax: 150, wageUnit: 'day', type: 'part_time', headcount: 3, townCode: '370406101', benefits: ['meals'], hoursAgo: 28 },
  { employer: 'nongye', title: '火樱桃采摘工', occupationCode: '5-02-02', description: '樱桃采摘季用工，按天结算，管午饭，附近村民优先。', skills: ['采摘'], wageMin: 100, wageMax: 130, wageUnit: 'day', type: 'seasonal', headcount: 20, townCode: '370406106', benefits: ['meals'], startInDays: 14, lastsDays: 40, hoursAgo: 11 },
  { employer: 'nongye', title: '果树修剪工', occupationCode: '5-01-04', description: '冬季樱桃树、石榴树修剪，会修剪的师傅优先，按天结算。', skills: ['果树修剪', '嫁接'], wageMin: 150, wageMax: 200, wageUnit: 'day', type: 'gig', headcount: 5, townCode: '370406106', benefits: ['meals'], startInDays: 2, lastsDays: 20, hoursAgo: 16 },
  { employer: 'nongye', title: '大棚种植工', occupationCode: '5-01-02', description: '蔬菜大棚日常管理，浇水、施肥、打药，长期用工。', skills: ['种植', '大棚'], wageMin: 2800, wageMax: 3500, wageUnit: 'month', type: 'full_time', headcount: 3, townCode: '370406106', benefits: ['meals'], hoursAgo: 80 },
  { employer: 'nongye', title: '分拣包装工', occupationCode: '5-02-05', description: '樱桃、石榴分级装箱，手脚麻利，按天结算。', skills: ['分拣', '包装'], wageMin: 110, wageMax: 130, wageUnit: 'day', type: 'seasonal', headcount: 10, townCode: '370406106', benefits: ['meals'], startInDays: 14, lastsDays: 40, hoursAgo: 13 },
  { employer: 'yanglao', title: '养老护理员', occupationCode: '4-05-06', description: '照顾院里老人饮食起居，有护理证优先，无证可培训取证。', skills: ['护理', '照顾老人'], wageMin: 3500, wageMax: 4500, wageUnit: 'month', type: 'full_time', headcount: 4, townCode: '370406105', benefits: ['meals', 'housing', 'social_insurance', 'training'], hoursAgo: 19 },
  { employer: 'yanglao', title: '食堂帮厨', occupationCode: '4-04-02', description: '洗菜、切配、打扫厨房，早上6点上班，下午2点下班。', skills: ['切菜', '帮厨'], wageMin: 2800, wageMax: 3200, wageUnit: 'month', type: 'full_time', headcount: 1, townCode: '370406105', benefits: ['meals'], hoursAgo: 52 },
  { employer: 'yanglao', title: '护工（夜班）', occupationCode: '4-05-05', description: '夜间照护失能老人，按月结算，夜班补贴另算。', skills: ['护工', '照护'], wageMin: 4000, wageMax: 5000, wageUnit: 'month', type: 'full_time', headcount: 2, townCode: '370406105', benefits: ['meals', 'housing'], hoursAgo: 33 },
  { employer: 'jianzhu', title: '瓦工', occupationCode: '6-06-01', description: '农村住房和厂房砌墙、抹灰，按天结算，有活干。', skills: ['砌墙', '抹灰'], wageMin: 250, wageMax: 320, wageUnit: 'day', type: 'gig', headcount: 6, townCode: '370406107', benefits: ['meals'], startInDays: 1, lastsDays: 30, hoursAgo: 6 },
  { employer: 'jianzhu', title: '建筑小工', occupationCode: '6-06-07', description: '搬砖、和灰、打杂，身体好就行，按天结算。', skills: ['搬运', '和灰'], wageMin: 160, wageMax: 200, wageUnit: 'day', type: 'gig', headcount: 10, townCode: '370406107', benefits: ['meals'], startInDays: 1, lastsDays: 30, hoursAgo: 2 },
  { employer: 'jianzhu', title: '水电工', occupationCode: '6-06-04', description: '室内水电安装，持电工证，熟练工。', skills: ['水电安装', '电工证'], wageMin: 300, wageMax: 380, wageUnit: 'day', type: 'full_time', headcount: 2, townCode: '370406108', benefits: ['meals'], hoursAgo: 48 },
  { employer: 'jianzhu', title: '挖掘机司机', occupationCode: '6-07-01', description: '乡村道路施工，持证，三年以上经验，冯卯、凫城一带工地。', skills: ['挖掘机', '操作证'], wageMin: 9000, wageMax: 12000, wageUnit: 'month', type: 'full_time', headcount: 1, townCode: '370406109', benefits: ['meals', 'housing'], hoursAgo: 100 },
];

export interface DemoResident {
  name: string;
  /** 17-digit body of a 身份证号; the check character is computed. */
  idBody: string;
  phone: string;
  villageCode: string;
  education: EducationLevel;
  /** 毕业时间 (YYYY-MM), for graduates. */
  graduationDate?: string;
  skills: string[];
  desiredOccupations: string[];
  expectedWageMin: number;
  wageUnit: WageUnit;
  availability: Availability[];
  keyGroups: KeyGroup[];
  maxCommuteKm: number;
}

export const DEMO_RESIDENTS: DemoResident[] = [
  { name: '王秀英', idBody: '37040619700315002', phone: '13706321001', villageCode: '370406103201', education: 'junior_high', skills: ['包装', '做豆腐'], desiredOccupations: ['6-01-01', '6-10-02'], expectedWageMin: 110, wageUnit: 'day', availability: ['full_time', 'seasonal'], keyGroups: [], maxCommuteKm: 10 },
  { name: '张建国', idBody: '37040619680822001', phone: '13706321002', villageCode: '370406102201', education: 'junior_high', skills: ['电焊', '气割'], desiredOccupations: ['6-05-01'], expectedWageMin: 5500, wageUnit: 'month', availability: ['full_time'], keyGroups: ['returning_migrant'], maxCommuteKm: 20 },
  { name: '李娜', idBody: '37040620000506002', phone: '13706321003', villageCode: '370406001001', education: 'college', graduationDate: '2025-06', skills: ['直播', '电脑'], desiredOccupations: ['4-06-01', '4-06-03'], expectedWageMin: 4000, wageUnit: 'month', availability: ['full_time'], keyGroups: ['graduate'], maxCommuteKm: 15 },
  { name: '刘大海', idBody: '37040619720101003', phone: '13706321004', villageCode: '370406104201', education: 'primary', skills: ['搬运', '石材'], desiredOccupations: ['4-01-11', '6-03-01'], expectedWageMin: 180, wageUnit: 'day', availability: ['gig', 'full_time'], keyGroups: ['hard_to_employ'], maxCommuteKm: 8 },
  { name: '陈桂兰', idBody: '37040619660910004', phone: '13706321005', villageCode: '370406106201', education: 'primary', skills: ['采摘', '果树修剪'], desiredOccupations: ['5-02-02', '5-01-04'], expectedWageMin: 100, wageUnit: 'day', availability: ['seasonal', 'gig'], keyGroups: ['low_income'], maxCommuteKm: 5 },
  { name: '赵强', idBody: '37040619900712005', phone: '13706321006', villageCode: '370406405201', education: 'vocational', skills: ['数控', '车床'], desiredOccupations: ['6-04-03'], expectedWageMin: 6000, wageUnit: 'month', availability: ['full_time'], keyGroups: ['veteran'], maxCommuteKm: 25 },
  { name: '孙丽', idBody: '37040619850228006', phone: '13706321007', villageCode: '370406105201', education: 'senior_high', skills: ['护理', '做饭'], desiredOccupations: ['4-05-06', '4-05-05'], expectedWageMin: 3500, wageUnit: 'month', availability: ['full_time'], keyGroups: [], maxCommuteKm: 10 },
  { name: '周明', idBody: '37040619950318007', phone: '13706321008', villageCode: '370406107201', education: 'junior_high', skills: ['砌墙', '抹灰'], desiredOccupations: ['6-06-01'], expectedWageMin: 250, wageUnit: 'day', availability: ['gig'], keyGroups: [], maxCommuteKm: 30 },
  { name: '吴芳', idBody: '37040619880815008', phone: '13706321009', villageCode: '370406101201', education: 'senior_high', skills: ['讲解', '普通话'], desiredOccupations: ['4-08-02', '4-08-03'], expectedWageMin: 3500, wageUnit: 'month', availability: ['full_time', 'part_time'], keyGroups: ['disabled'], maxCommuteKm: 10 },
  { name: '郑家伟', idBody: '37040619780605009', phone: '13706321010', villageCode: '370406108201', education: 'junior_high', skills: ['驾驶', 'B2驾照'], desiredOccupations: ['4-01-01'], expectedWageMin: 7000, wageUnit: 'month', availability: ['full_time'], keyGroups: ['returning_migrant'], maxCommuteKm: 40 },
];

/**
 * Posts waiting for review, so the admin's queue is not empty in the demo: one from the unverified
 * 农家乐 (approving it needs the employer verified first), one with an age limit the check flags.
 */
export const DEMO_PENDING_POSTS: DemoPost[] = [
  { employer: 'nongjiale', title: '农家乐服务员（周末）', occupationCode: '4-08-09', description: '周末和节假日端菜、收拾桌子，管午饭，离家近的优先。', skills: ['端菜', '收拾'], wageMin: 100, wageMax: 120, wageUnit: 'day', type: 'part_time', headcount: 3, townCode: '370406104', benefits: ['meals'], hoursAgo: 3 },
  { employer: 'shicai', title: '石材厂门卫', occupationCode: '3-03-01', description: '夜间值班看厂，限45岁以下，有保安经验优先。', skills: ['值班'], wageMin: 2800, wageMax: 3200, wageUnit: 'month', type: 'full_time', headcount: 1, townCode: '370406104', benefits: ['meals', 'housing'], hoursAgo: 6 },
];
