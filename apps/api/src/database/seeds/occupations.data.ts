/**
 * Occupation taxonomy seed data (reference data, seeded on every empty database).
 *
 * - MAJOR_GROUPS are the 8 major groups (大类) of 中华人民共和国职业分类大典 (2022 年版), codes '1'..'8'.
 * - OCCUPATION_GROUPS and OCCUPATION_LEAVES use LOCAL codes curated for 山亭区 (枣庄):
 *   `<major>-<nn>` for groups and `<major>-<nn>-<nn>` for leaves. Only the first digit follows the
 *   大典; the rest is our own numbering and is NOT the 大典's 中类/小类/细类 code.
 * - Leaf names are the plain words both villagers and HR use; synonyms are what people actually
 *   type or say. A synonym may repeat across leaves where the word really is ambiguous (e.g. 焊工),
 *   but never equals its own leaf's name nor another leaf's name.
 * - Codes are stable identifiers stored on residents and job posts: append new entries, never
 *   renumber or reuse a code.
 */

export interface MajorGroupSeed {
  code: string;
  name: string;
}

export interface OccupationGroupSeed {
  code: string;
  name: string;
  majorGroup: string;
}

export interface OccupationLeafSeed {
  code: string;
  name: string;
  group: string;
  synonyms: string[];
}

export const MAJOR_GROUPS: MajorGroupSeed[] = [
  { code: '1', name: '党的机关、国家机关、群众团体和社会组织、企事业单位负责人' },
  { code: '2', name: '专业技术人员' },
  { code: '3', name: '办事人员和有关人员' },
  { code: '4', name: '社会生产服务和生活服务人员' },
  { code: '5', name: '农、林、牧、渔业生产及辅助人员' },
  { code: '6', name: '生产制造及有关人员' },
  { code: '7', name: '军队人员' },
  { code: '8', name: '不便分类的其他从业人员' },
];

export const OCCUPATION_GROUPS: OccupationGroupSeed[] = [
  { code: '1-01', name: '企业与组织负责人', majorGroup: '1' },
  { code: '2-01', name: '教育', majorGroup: '2' },
  { code: '2-02', name: '医疗卫生', majorGroup: '2' },
  { code: '2-03', name: '工程技术', majorGroup: '2' },
  { code: '2-04', name: '财务会计', majorGroup: '2' },
  { code: '2-05', name: '信息技术与设计', majorGroup: '2' },
  { code: '2-06', name: '农业与兽医技术', majorGroup: '2' },
  { code: '3-01', name: '行政办公', majorGroup: '3' },
  { code: '3-02', name: '社区与公共服务', majorGroup: '3' },
  { code: '4-01', name: '道路运输与物流', majorGroup: '4' },
  { code: '4-02', name: '保洁与物业', majorGroup: '4' },
  { code: '3-03', name: '安保', majorGroup: '3' },
  { code: '4-04', name: '餐饮', majorGroup: '4' },
  { code: '4-05', name: '家政与养老护理', majorGroup: '4' },
  { code: '4-06', name: '电商与直播', majorGroup: '4' },
  { code: '4-07', name: '客服与销售', majorGroup: '4' },
  { code: '4-08', name: '旅游与民宿', majorGroup: '4' },
  { code: '4-09', name: '汽车与设备维修', majorGroup: '4' },
  { code: '4-10', name: '美容美发与生活服务', majorGroup: '4' },
  { code: '5-01', name: '种植', majorGroup: '5' },
  { code: '5-02', name: '采摘与农事', majorGroup: '5' },
  { code: '5-03', name: '养殖', majorGroup: '5' },
  { code: '5-04', name: '林业与园林', majorGroup: '5' },
  { code: '5-05', name: '农机与植保', majorGroup: '5' },
  { code: '6-01', name: '食品加工', majorGroup: '6' },
  { code: '6-02', name: '塑料编织与制品', majorGroup: '6' },
  { code: '6-03', name: '建材与石材', majorGroup: '6' },
  { code: '6-04', name: '机械制造与维修', majorGroup: '6' },
  { code: '6-05', name: '焊接与金属加工', majorGroup: '6' },
  { code: '6-06', name: '建筑施工', majorGroup: '6' },
  { code: '6-07', name: '工程机械驾驶', majorGroup: '6' },
  { code: '6-08', name: '电气安装与维修', majorGroup: '6' },
  { code: '6-09', name: '纺织服装与手工', majorGroup: '6' },
  { code: '6-10', name: '生产通用岗位', majorGroup: '6' },
  { code: '6-11', name: '农副产品加工', majorGroup: '6' },
  { code: '8-01', name: '零工与其他', majorGroup: '8' },
];

export const OCCUPATION_LEAVES: OccupationLeafSeed[] = [
  // 1-01 企业与组织负责人
  { code: '1-01-01', name: '企业负责人', group: '1-01', synonyms: ['老板', '总经理', '厂长', '公司负责人'] },
  { code: '1-01-02', name: '部门经理', group: '1-01', synonyms: ['主管', '部门主管', '经理'] },
  { code: '1-01-03', name: '合作社负责人', group: '1-01', synonyms: ['合作社理事长', '合作社社长', '理事长', '社长'] },
  { code: '1-01-04', name: '家庭农场主', group: '1-01', synonyms: ['农场主', '种植大户', '养殖大户'] },

  // 2-01 教育
  { code: '2-01-01', name: '教师', group: '2-01', synonyms: ['老师', '任课老师', '中小学教师', '代课老师'] },
  { code: '2-01-02', name: '幼儿教师', group: '2-01', synonyms: ['幼师', '幼儿园老师', '幼教'] },
  { code: '2-01-03', name: '保育员', group: '2-01', synonyms: ['保育老师', '生活老师', '幼儿园阿姨'] },
  { code: '2-01-04', name: '托育员', group: '2-01', synonyms: ['托育老师', '托班老师', '早教老师', '托管老师'] },
  { code: '2-01-05', name: '课外辅导老师', group: '2-01', synonyms: ['家教', '辅导老师', '补课老师', '托管班老师'] },
  { code: '2-01-06', name: '培训讲师', group: '2-01', synonyms: ['培训老师', '讲师', '技能培训老师'] },

  // 2-02 医疗卫生
  { code: '2-02-01', name: '医生', group: '2-02', synonyms: ['大夫', '医师', '临床医生', '坐诊医生'] },
  { code: '2-02-02', name: '乡村医生', group: '2-02', synonyms: ['村医', '卫生室医生', '村卫生室', '赤脚医生'] },
  { code: '2-02-03', name: '护士', group: '2-02', synonyms: ['护理', '注册护士', '医院护士', '护师'] },
  { code: '2-02-04', name: '药剂师', group: '2-02', synonyms: ['药师', '执业药师', '抓药'] },
  { code: '2-02-05', name: '康复治疗师', group: '2-02', synonyms: ['康复师', '理疗师', '康复理疗'] },
  { code: '2-02-06', name: '医学检验技师', group: '2-02', synonyms: ['检验科', '医学检验', '化验室'] },
  { code: '2-02-07', name: '中医师', group: '2-02', synonyms: ['中医', '针灸', '中医大夫'] },
  { code: '2-02-08', name: '口腔医生', group: '2-02', synonyms: ['牙医', '看牙', '牙科医生'] },

  // 2-03 工程技术
  { code: '2-03-01', name: '机械工程师', group: '2-03', synonyms: ['机械设计', '机械技术员', '画图'] },
  { code: '2-03-02', name: '电气工程师', group: '2-03', synonyms: ['电气设计', '电气技术员', '自动化工程师', 'PLC'] },
  { code: '2-03-03', name: '建筑施工员', group: '2-03', synonyms: ['施工员', '现场施工员', '技术员'] },
  { code: '2-03-04', name: '工程项目经理', group: '2-03', synonyms: ['项目经理', '项目负责人', '工地项目经理'] },
  { code: '2-03-05', name: '安全员', group: '2-03', synonyms: ['安全管理员', '安全专员', '工地安全员', '安全主管'] },
  { code: '2-03-06', name: '资料员', group: '2-03', synonyms: ['工地资料员', '建筑资料员', '做资料'] },
  { code: '2-03-07', name: '测量员', group: '2-03', synonyms: ['测量', '放线员', '放线', '测绘员'] },
  { code: '2-03-08', name: '造价员', group: '2-03', synonyms: ['预算员', '造价', '做预算'] },

  // 2-04 财务会计
  { code: '2-04-01', name: '会计', group: '2-04', synonyms: ['会计员', '财务', '做账', '记账', '报税'] },
  { code: '2-04-02', name: '出纳', group: '2-04', synonyms: ['出纳员', '管钱', '出纳会计'] },
  { code: '2-04-03', name: '财务主管', group: '2-04', synonyms: ['财务经理', '主办会计', '总账会计'] },
  { code: '2-04-04', name: '统计员', group: '2-04', synonyms: ['统计', '报表员', '做报表'] },

  // 2-05 信息技术与设计
  { code: '2-05-01', name: '网络管理员', group: '2-05', synonyms: ['网管', '电脑维护', 'IT运维'] },
  { code: '2-05-02', name: '程序员', group: '2-05', synonyms: ['软件开发', '开发工程师', '写代码'] },
  { code: '2-05-03', name: '平面设计师', group: '2-05', synonyms: ['平面设计', '设计师', '广告设计'] },
  { code: '2-05-04', name: '室内设计师', group: '2-05', synonyms: ['装修设计', '家装设计', '效果图'] },
  { code: '2-05-05', name: 'CAD制图员', group: '2-05', synonyms: ['制图员', '画图员', 'CAD画图'] },

  // 2-06 农业与兽医技术
  { code: '2-06-01', name: '农业技术员', group: '2-06', synonyms: ['农技员', '农技推广员', '农艺师'] },
  { code: '2-06-02', name: '畜牧技术员', group: '2-06', synonyms: ['畜牧师', '养殖技术员', '技术场长'] },
  { code: '2-06-03', name: '兽医', group: '2-06', synonyms: ['兽医师', '动物医生', '畜牧兽医', '给牲口看病'] },

  // 3-01 行政办公
  { code: '3-01-01', name: '文员', group: '3-01', synonyms: ['办公室文员', '行政文员', '内勤', '办公室'] },
  { code: '3-01-02', name: '行政专员', group: '3-01', synonyms: ['行政', '行政助理', '后勤'] },
  { code: '3-01-03', name: '人事专员', group: '3-01', synonyms: ['人事', 'HR', '招聘专员', '人力资源'] },
  { code: '3-01-04', name: '前台接待', group: '3-01', synonyms: ['前台', '接待员', '公司前台'] },
  { code: '3-01-05', name: '数据录入员', group: '3-01', synonyms: ['录入员', '打字员', '录入'] },
  { code: '3-01-06', name: '档案管理员', group: '3-01', synonyms: ['档案员', '管档案'] },
  { code: '3-01-07', name: '办公室主任', group: '3-01', synonyms: ['行政主管', '办公室负责人', '行政经理'] },

  // 3-02 社区与公共服务
  { code: '3-02-01', name: '网格员', group: '3-02', synonyms: ['社区网格员', '网格管理员'] },
  { code: '3-02-02', name: '社区工作者', group: '3-02', synonyms: ['社工', '社区干事', '社区工作人员'] },
  { code: '3-02-03', name: '辅警', group: '3-02', synonyms: ['协警', '警务辅助人员'] },
  { code: '3-02-04', name: '乡村公益岗', group: '3-02', synonyms: ['公益岗位', '公益岗', '护路员', '村里保洁'] },

  // 4-01 道路运输与物流
  { code: '4-01-01', name: '货车司机', group: '4-01', synonyms: ['大车司机', '拉货', '货运司机', '跑运输', '半挂司机'] },
  { code: '4-01-02', name: '自卸车司机', group: '4-01', synonyms: ['渣土车', '自卸车', '拉土', '翻斗车'] },
  { code: '4-01-03', name: '小车司机', group: '4-01', synonyms: ['驾驶员', '商务司机', '开小车', '专车司机'] },
  { code: '4-01-04', name: '客车司机', group: '4-01', synonyms: ['大巴司机', '公交司机', '校车司机', '班车司机'] },
  { code: '4-01-05', name: '网约车司机', group: '4-01', synonyms: ['跑滴滴', '滴滴司机', '出租车司机', '拉客'] },
  { code: '4-01-06', name: '叉车司机', group: '4-01', synonyms: ['叉车', '开叉车', '叉车工', '铲车工'] },
  { code: '4-01-07', name: '快递员', group: '4-01', synonyms: ['送快递', '快递小哥', '派件员', '收派员'] },
  { code: '4-01-08', name: '快递分拣员', group: '4-01', synonyms: ['分拣员', '快递分拣', '分拣', '扫件'] },
  { code: '4-01-09', name: '外卖骑手', group: '4-01', synonyms: ['送外卖', '骑手', '美团骑手', '外卖员'] },
  { code: '4-01-10', name: '配送员', group: '4-01', synonyms: ['送货员', '送货', '配送司机', '跟车送货'] },
  { code: '4-01-11', name: '装卸工', group: '4-01', synonyms: ['搬运工', '装车', '卸车', '装卸', '扛包'] },
  { code: '4-01-12', name: '跟车员', group: '4-01', synonyms: ['跟车', '押车', '随车装卸'] },
  { code: '4-01-13', name: '仓库管理员', group: '4-01', synonyms: ['库管', '仓管', '仓库保管员', '管仓库'] },
  { code: '4-01-14', name: '理货员', group: '4-01', synonyms: ['理货', '盘点员', '出入库'] },
  { code: '4-01-15', name: '物流调度员', group: '4-01', synonyms: ['调度', '派车', '物流调度'] },

  // 4-02 保洁与物业
  { code: '4-02-01', name: '保洁员', group: '4-02', synonyms: ['保洁', '清洁工', '打扫卫生', '保洁阿姨', '开荒保洁'] },
  { code: '4-02-02', name: '环卫工', group: '4-02', synonyms: ['扫大街', '环卫', '清扫工', '马路清扫'] },
  { code: '4-02-03', name: '垃圾清运工', group: '4-02', synonyms: ['垃圾清运', '拉垃圾', '垃圾车'] },
  { code: '4-02-04', name: '物业管理员', group: '4-02', synonyms: ['物业', '物业管家', '物业客服', '小区物业'] },
  { code: '4-02-05', name: '物业维修工', group: '4-02', synonyms: ['物业维修', '维修工', '水电维修', '小区维修'] },
  { code: '4-02-06', name: '宿舍管理员', group: '4-02', synonyms: ['宿管', '宿舍管理', '舍管'] },
  { code: '4-02-07', name: '洗涤工', group: '4-02', synonyms: ['洗衣工', '布草洗涤', '洗床单', '洗衣房'] },

  // 4-03 安保
  { code: '3-03-01', name: '保安员', group: '3-03', synonyms: ['保安', '安保', '巡逻员', '站岗'] },
  { code: '3-03-02', name: '门卫', group: '3-03', synonyms: ['看大门', '看门', '门岗', '传达室'] },
  { code: '3-03-03', name: '监控员', group: '3-03', synonyms: ['监控室', '监控值班', '看监控'] },
  { code: '3-03-04', name: '消防设施操作员', group: '3-03', synonyms: ['消控员', '消防中控', '消防值班'] },
  { code: '3-03-05', name: '安检员', group: '3-03', synonyms: ['安检', '安全检查员'] },
  { code: '3-03-06', name: '押运员', group: '3-03', synonyms: ['押运', '押钞', '武装押运'] },
  { code: '3-03-07', name: '停车管理员', group: '3-03', synonyms: ['看车', '停车场收费员', '停车收费'] },

  // 4-04 餐饮
  { code: '4-04-01', name: '厨师', group: '4-04', synonyms: ['炒菜师傅', '厨子', '大厨', '掌勺', '炒锅'] },
  { code: '4-04-02', name: '帮厨', group: '4-04', synonyms: ['切配', '配菜', '打荷', '厨房帮工', '厨工'] },
  { code: '4-04-03', name: '面点师', group: '4-04', synonyms: ['面点', '白案', '包包子', '蒸馒头师傅'] },
  { code: '4-04-04', name: '食堂厨师', group: '4-04', synonyms: ['大锅菜', '单位食堂', '食堂师傅', '大锅饭'] },
  { code: '4-04-05', name: '乡厨', group: '4-04', synonyms: ['宴席厨师', '红白事厨师', '流水席', '大席'] },
  { code: '4-04-06', name: '服务员', group: '4-04', synonyms: ['饭店服务员', '餐厅服务员', '点菜员', '端盘子'] },
  { code: '4-04-07', name: '传菜员', group: '4-04', synonyms: ['传菜', '跑菜'] },
  { code: '4-04-08', name: '洗碗工', group: '4-04', synonyms: ['洗碗', '刷碗', '洗碗阿姨'] },
  { code: '4-04-09', name: '烧烤师傅', group: '4-04', synonyms: ['烧烤', '烤串', '烧烤店'] },
  { code: '4-04-10', name: '饮品店员', group: '4-04', synonyms: ['奶茶店', '奶茶', '水吧', '咖啡师'] },

  // 4-05 家政与养老护理
  { code: '4-05-01', name: '家政服务员', group: '4-05', synonyms: ['家政', '保姆', '住家保姆', '家务'] },
  { code: '4-05-02', name: '钟点工', group: '4-05', synonyms: ['小时工', '钟点保洁', '做家务'] },
  { code: '4-05-03', name: '月嫂', group: '4-05', synonyms: ['母婴护理员', '母婴护理', '伺候月子', '月子'] },
  { code: '4-05-04', name: '育婴员', group: '4-05', synonyms: ['育儿嫂', '带孩子', '看孩子', '育婴师'] },
  { code: '4-05-05', name: '护工', group: '4-05', synonyms: ['陪护', '医院陪护', '护理工', '照顾病人'] },
  { code: '4-05-06', name: '养老护理员', group: '4-05', synonyms: ['养老院护理', '养老护理', '照顾老人', '护理员'] },
  { code: '4-05-07', name: '产后康复师', group: '4-05', synonyms: ['产后修复', '催乳师', '催乳'] },

  // 4-06 电商与直播
  { code: '4-06-01', name: '带货主播', group: '4-06', synonyms: ['主播', '直播带货', '网红主播', '直播', '带货'] },
  { code: '4-06-02', name: '直播运营', group: '4-06', synonyms: ['场控', '中控', '直播助理', '直播间运营'] },
  { code: '4-06-03', name: '电商运营', group: '4-06', synonyms: ['网店运营', '淘宝运营', '运营', '开网店', '抖音运营'] },
  { code: '4-06-04', name: '电商客服', group: '4-06', synonyms: ['网店客服', '淘宝客服', '售后客服', '抖音客服'] },
  { code: '4-06-05', name: '美工', group: '4-06', synonyms: ['电商美工', '修图', '做图', '详情页设计'] },
  { code: '4-06-06', name: '短视频剪辑师', group: '4-06', synonyms: ['剪辑', '剪视频', '后期剪辑', '视频剪辑'] },
  { code: '4-06-07', name: '摄影摄像师', group: '4-06', synonyms: ['摄影', '拍摄', '摄像', '拍视频'] },
  { code: '4-06-08', name: '电商打包发货员', group: '4-06', synonyms: ['打包员', '发货员', '打包发货', '电商打包'] },
  { code: '4-06-09', name: '社区团购团长', group: '4-06', synonyms: ['团长', '社区团购', '团购'] },

  // 4-07 客服与销售
  { code: '4-07-01', name: '客服', group: '4-07', synonyms: ['客服专员', '电话客服', '接线员', '客户服务'] },
  { code: '4-07-02', name: '销售员', group: '4-07', synonyms: ['销售', '业务员', '跑业务', '销售代表'] },
  { code: '4-07-03', name: '电话销售', group: '4-07', synonyms: ['电销', '电话营销', '打电话销售'] },
  { code: '4-07-04', name: '营业员', group: '4-07', synonyms: ['店员', '导购', '售货员', '看店'] },
  { code: '4-07-05', name: '收银员', group: '4-07', synonyms: ['收银', '收款员', '超市收银'] },
  { code: '4-07-06', name: '超市理货员', group: '4-07', synonyms: ['上货', '超市理货', '补货员'] },
  { code: '4-07-07', name: '店长', group: '4-07', synonyms: ['门店店长', '店面经理', '门店经理'] },
  { code: '4-07-08', name: '药店店员', group: '4-07', synonyms: ['药店营业员', '药房店员', '药店导购'] },
  { code: '4-07-09', name: '采购员', group: '4-07', synonyms: ['采购', '采买'] },
  { code: '4-07-10', name: '保险代理人', group: '4-07', synonyms: ['卖保险', '保险业务员', '保险销售'] },
  { code: '4-07-11', name: '房产经纪人', group: '4-07', synonyms: ['房产中介', '中介', '卖房子'] },

  // 4-08 旅游与民宿
  { code: '4-08-01', name: '导游', group: '4-08', synonyms: ['导游员', '带团', '地接', '领队'] },
  { code: '4-08-02', name: '景区讲解员', group: '4-08', synonyms: ['讲解员', '讲解', '景点讲解'] },
  { code: '4-08-03', name: '民宿管家', group: '4-08', synonyms: ['管家', '民宿服务员', '民宿前台', '民宿'] },
  { code: '4-08-04', name: '民宿主理人', group: '4-08', synonyms: ['民宿老板', '民宿经营', '主理人', '开民宿'] },
  { code: '4-08-05', name: '酒店前台', group: '4-08', synonyms: ['前台', '宾馆前台', '接待', '酒店接待'] },
  { code: '4-08-06', name: '客房服务员', group: '4-08', synonyms: ['客房', '做房', '房嫂', '客房保洁'] },
  { code: '4-08-07', name: '景区售检票员', group: '4-08', synonyms: ['检票员', '售票员', '检票', '景区售票'] },
  { code: '4-08-08', name: '游乐设施操作员', group: '4-08', synonyms: ['游乐设备', '设备操作', '玻璃栈道', '游乐场'] },
  { code: '4-08-09', name: '农家乐服务员', group: '4-08', synonyms: ['农家乐', '农家饭店', '采摘园服务员'] },
  { code: '4-08-10', name: '研学指导师', group: '4-08', synonyms: ['研学老师', '研学导师', '带研学', '研学'] },
  { code: '4-08-11', name: '户外拓展教练', group: '4-08', synonyms: ['拓展教练', '拓展', '户外教练'] },

  // 4-09 汽车与设备维修
  { code: '4-09-01', name: '汽修工', group: '4-09', synonyms: ['汽车修理', '修车', '汽车维修工', '修车师傅'] },
  { code: '4-09-02', name: '汽车钣金喷漆工', group: '4-09', synonyms: ['钣喷', '汽车钣金', '汽车喷漆', '烤漆'] },
  { code: '4-09-03', name: '洗车工', group: '4-09', synonyms: ['洗车', '汽车美容', '贴膜', '洗车店'] },
  { code: '4-09-04', name: '电动车维修工', group: '4-09', synonyms: ['修电动车', '电瓶车维修', '摩托车维修', '修摩托'] },
  { code: '4-09-05', name: '农机维修工', group: '4-09', synonyms: ['修农机', '拖拉机维修', '农机修理'] },
  { code: '4-09-06', name: '家电维修工', group: '4-09', synonyms: ['修家电', '空调维修', '冰箱维修', '家电维修'] },
  { code: '4-09-07', name: '手机维修员', group: '4-09', synonyms: ['修手机', '手机维修', '换屏'] },

  // 4-10 美容美发与生活服务
  { code: '4-10-01', name: '理发师', group: '4-10', synonyms: ['美发师', '理发', '剪头', '发型师', '剃头'] },
  { code: '4-10-02', name: '美容师', group: '4-10', synonyms: ['美容', '皮肤管理', '美容院'] },
  { code: '4-10-03', name: '美甲师', group: '4-10', synonyms: ['美甲', '做指甲', '美睫'] },
  { code: '4-10-04', name: '足疗按摩师', group: '4-10', synonyms: ['足疗', '按摩', '推拿', '足浴技师'] },
  { code: '4-10-05', name: '搓澡工', group: '4-10', synonyms: ['搓澡', '澡堂', '浴池'] },
  { code: '4-10-06', name: '婚庆服务人员', group: '4-10', synonyms: ['婚庆', '司仪', '主持人', '婚礼布置'] },

  // 5-01 种植
  { code: '5-01-01', name: '种植工', group: '5-01', synonyms: ['种地', '农工', '种菜', '大田', '务农'] },
  { code: '5-01-02', name: '大棚种植工', group: '5-01', synonyms: ['大棚', '温室种植', '蔬菜大棚', '棚菜'] },
  { code: '5-01-03', name: '果园管理工', group: '5-01', synonyms: ['果园工人', '管果园', '果树管理', '果农'] },
  { code: '5-01-04', name: '果树修剪工', group: '5-01', synonyms: ['剪枝', '修剪果树', '果树修剪', '剪树'] },
  { code: '5-01-05', name: '果树嫁接工', group: '5-01', synonyms: ['嫁接', '果树嫁接', '接树'] },
  { code: '5-01-06', name: '育苗工', group: '5-01', synonyms: ['育苗', '苗圃', '苗木工'] },
  { code: '5-01-07', name: '中药材种植工', group: '5-01', synonyms: ['种药材', '药材种植', '中药材', '丹参'] },
  { code: '5-01-08', name: '食用菌种植工', group: '5-01', synonyms: ['种蘑菇', '蘑菇', '香菇种植', '食用菌'] },

  // 5-02 采摘与农事
  { code: '5-02-01', name: '采摘工', group: '5-02', synonyms: ['摘果', '采摘', '摘樱桃', '摘石榴', '摘果子'] },
  { code: '5-02-02', name: '樱桃采摘工', group: '5-02', synonyms: ['摘樱桃', '火樱桃', '大樱桃', '樱桃'] },
  { code: '5-02-03', name: '板栗采收工', group: '5-02', synonyms: ['打板栗', '收板栗', '板栗', '剥板栗'] },
  { code: '5-02-04', name: '核桃采收工', group: '5-02', synonyms: ['打核桃', '核桃脱皮', '核桃脱青皮', '核桃'] },
  { code: '5-02-05', name: '分拣包装工', group: '5-02', synonyms: ['分拣', '水果分拣', '挑果', '装箱', '水果包装'] },
  { code: '5-02-06', name: '农产品晾晒工', group: '5-02', synonyms: ['晾晒', '翻晒', '晒粮食'] },
  { code: '5-02-07', name: '农忙帮工', group: '5-02', synonyms: ['帮工', '农忙', '干农活', '农活'] },

  // 5-03 养殖
  { code: '5-03-01', name: '养殖工', group: '5-03', synonyms: ['养殖', '养殖场工人', '养殖户'] },
  { code: '5-03-02', name: '饲养员', group: '5-03', synonyms: ['喂养', '喂料', '饲养', '喂牲口'] },
  { code: '5-03-03', name: '养羊工', group: '5-03', synonyms: ['放羊', '羊倌', '养山羊', '黑山羊', '养羊'] },
  { code: '5-03-04', name: '养猪工', group: '5-03', synonyms: ['猪场工人', '养猪', '猪场饲养员'] },
  { code: '5-03-05', name: '养鸡工', group: '5-03', synonyms: ['鸡场工人', '养鸡', '蛋鸡', '肉鸡', '捡蛋'] },
  { code: '5-03-06', name: '养牛工', group: '5-03', synonyms: ['养牛', '牛场工人', '放牛'] },
  { code: '5-03-07', name: '水产养殖工', group: '5-03', synonyms: ['养鱼', '鱼塘', '水产'] },
  { code: '5-03-08', name: '养蜂员', group: '5-03', synonyms: ['养蜂', '蜜蜂', '放蜂'] },
  { code: '5-03-09', name: '兽医助理', group: '5-03', synonyms: ['防疫员', '打疫苗', '畜牧防疫', '兽医帮手'] },
  { code: '5-03-10', name: '配种员', group: '5-03', synonyms: ['配种', '人工授精', '育种'] },

  // 5-04 林业与园林
  { code: '5-04-01', name: '园林绿化工', group: '5-04', synonyms: ['绿化工', '绿化', '园林工', '绿化养护'] },
  { code: '5-04-02', name: '护林员', group: '5-04', synonyms: ['看山', '护林', '护林防火', '防火员'] },
  { code: '5-04-03', name: '盆景制作工', group: '5-04', synonyms: ['盆景', '石榴盆景', '盆景造型'] },
  { code: '5-04-04', name: '花卉种植工', group: '5-04', synonyms: ['种花', '花卉', '花农'] },

  // 5-05 农机与植保
  { code: '5-05-01', name: '农机手', group: '5-05', synonyms: ['拖拉机手', '收割机手', '开拖拉机', '农机驾驶员'] },
  { code: '5-05-02', name: '植保员', group: '5-05', synonyms: ['打药', '植保', '喷药', '病虫害防治'] },
  { code: '5-05-03', name: '植保无人机飞手', group: '5-05', synonyms: ['飞手', '无人机打药', '飞防', '无人机植保'] },

  // 6-01 食品加工
  { code: '6-01-01', name: '豆腐制作工', group: '6-01', synonyms: ['做豆腐', '豆腐师傅', '打豆腐', '豆腐坊'] },
  { code: '6-01-02', name: '豆制品加工工', group: '6-01', synonyms: ['豆制品', '豆制品厂', '豆制品工人'] },
  { code: '6-01-03', name: '腐竹加工工', group: '6-01', synonyms: ['腐竹', '挑腐竹', '油皮', '腐竹厂'] },
  { code: '6-01-04', name: '豆皮加工工', group: '6-01', synonyms: ['豆腐皮', '干豆腐', '千张', '豆片', '豆皮'] },
  { code: '6-01-05', name: '煎饼制作工', group: '6-01', synonyms: ['摊煎饼', '烙煎饼', '煎饼', '煎饼坊'] },
  { code: '6-01-06', name: '面食加工工', group: '6-01', synonyms: ['馒头', '蒸馒头', '面条加工', '馒头房'] },
  { code: '6-01-07', name: '糕点烘焙师', group: '6-01', synonyms: ['烘焙', '面包师', '蛋糕师', '西点'] },
  { code: '6-01-08', name: '酿酒工', group: '6-01', synonyms: ['酿酒', '烧酒', '白酒', '酒厂'] },
  { code: '6-01-09', name: '食品厂普工', group: '6-01', synonyms: ['食品厂', '食品加工', '食品工人'] },

  // 6-02 塑料编织与制品
  { code: '6-02-01', name: '塑编工', group: '6-02', synonyms: ['塑编', '编织袋厂', '塑编厂工人', '编织袋'] },
  { code: '6-02-02', name: '拉丝工', group: '6-02', synonyms: ['拉丝', '拉丝机', '扁丝'] },
  { code: '6-02-03', name: '织布工', group: '6-02', synonyms: ['圆织', '圆织机', '挡车工', '塑编织布'] },
  { code: '6-02-04', name: '编织袋缝纫工', group: '6-02', synonyms: ['缝袋', '缝包', '编织袋缝纫', '缝纫'] },
  { code: '6-02-05', name: '覆膜工', group: '6-02', synonyms: ['覆膜', '淋膜', '复合'] },
  { code: '6-02-06', name: '印刷工', group: '6-02', synonyms: ['印刷', '印袋', '彩印', '印刷机'] },
  { code: '6-02-07', name: '切袋工', group: '6-02', synonyms: ['切袋', '裁袋', '制袋'] },
  { code: '6-02-08', name: '注塑工', group: '6-02', synonyms: ['注塑', '注塑机', '打塑料'] },
  { code: '6-02-09', name: '吹膜工', group: '6-02', synonyms: ['吹膜', '吹塑', '塑料袋'] },
  { code: '6-02-10', name: '塑料造粒工', group: '6-02', synonyms: ['造粒', '再生料', '塑料颗粒'] },

  // 6-03 建材与石材
  { code: '6-03-01', name: '石材切割工', group: '6-03', synonyms: ['切石头', '石材切割', '锯石', '切割机'] },
  { code: '6-03-02', name: '石材打磨工', group: '6-03', synonyms: ['打磨', '磨石', '抛光', '石材抛光'] },
  { code: '6-03-03', name: '石雕工', group: '6-03', synonyms: ['石雕', '刻石头', '石刻', '石匠'] },
  { code: '6-03-04', name: '采石工', group: '6-03', synonyms: ['采石', '开山', '石料', '石匠'] },
  { code: '6-03-05', name: '爆破员', group: '6-03', synonyms: ['爆破', '放炮', '爆破工'] },
  { code: '6-03-06', name: '破碎机操作工', group: '6-03', synonyms: ['破碎', '石子厂', '碎石', '制砂'] },
  { code: '6-03-07', name: '混凝土搅拌工', group: '6-03', synonyms: ['搅拌站', '商砼', '拌料', '搅拌机'] },
  { code: '6-03-08', name: '制砖工', group: '6-03', synonyms: ['砖厂', '制砖', '空心砖', '水泥砖'] },
  { code: '6-03-09', name: '水泥制品工', group: '6-03', synonyms: ['水泥预制', '预制件', '水泥管', '路沿石'] },
  { code: '6-03-10', name: '石材安装工', group: '6-03', synonyms: ['石材安装', '干挂', '贴石材'] },

  // 6-04 机械制造与维修
  { code: '6-04-01', name: '钳工', group: '6-04', synonyms: ['钳工师傅', '装配钳工', '机修钳工'] },
  { code: '6-04-02', name: '车工', group: '6-04', synonyms: ['开车床', '车床工', '普车'] },
  { code: '6-04-03', name: '数控车床操作工', group: '6-04', synonyms: ['数控', 'CNC', '数控车工', '数控操作'] },
  { code: '6-04-04', name: '铣工', group: '6-04', synonyms: ['铣床', '开铣床', '数控铣'] },
  { code: '6-04-05', name: '磨工', group: '6-04', synonyms: ['磨床', '开磨床'] },
  { code: '6-04-06', name: '加工中心操作工', group: '6-04', synonyms: ['加工中心', 'CNC编程', '数控编程'] },
  { code: '6-04-07', name: '机械装配工', group: '6-04', synonyms: ['装配工', '装配', '组装工'] },
  { code: '6-04-08', name: '设备维修工', group: '6-04', synonyms: ['机修', '设备维修', '维修工', '修机器'] },
  { code: '6-04-09', name: '冲压工', group: '6-04', synonyms: ['冲床', '冲压', '开冲床'] },
  { code: '6-04-10', name: '铸造工', group: '6-04', synonyms: ['翻砂', '铸造', '浇铸'] },
  { code: '6-04-11', name: '锻造工', group: '6-04', synonyms: ['打铁', '锻工', '锻造'] },

  // 6-05 焊接与金属加工
  { code: '6-05-01', name: '电焊工', group: '6-05', synonyms: ['焊工', '电焊', '烧电焊', '焊接工'] },
  { code: '6-05-02', name: '氩弧焊工', group: '6-05', synonyms: ['氩弧焊', '焊工', '氩弧'] },
  { code: '6-05-03', name: '二保焊工', group: '6-05', synonyms: ['二保焊', '气保焊', '二氧化碳保护焊', '焊工'] },
  { code: '6-05-04', name: '气割工', group: '6-05', synonyms: ['气割', '切割工', '割板'] },
  { code: '6-05-05', name: '铆工', group: '6-05', synonyms: ['铆焊', '铆焊工', '冷作工'] },
  { code: '6-05-06', name: '钣金工', group: '6-05', synonyms: ['钣金', '折弯', '剪板', '折弯工'] },
  { code: '6-05-07', name: '喷涂工', group: '6-05', synonyms: ['喷漆', '喷塑', '喷涂', '刷漆'] },
  { code: '6-05-08', name: '金属打磨工', group: '6-05', synonyms: ['打磨', '抛光', '去毛刺'] },
  { code: '6-05-09', name: '门窗制作安装工', group: '6-05', synonyms: ['不锈钢', '铝合金门窗', '防盗窗', '做门窗'] },

  // 6-06 建筑施工
  { code: '6-06-01', name: '瓦工', group: '6-06', synonyms: ['泥瓦工', '砌墙', '瓦匠', '大工', '砌筑工'] },
  { code: '6-06-02', name: '木工', group: '6-06', synonyms: ['木匠', '支模', '模板工', '木工师傅'] },
  { code: '6-06-03', name: '钢筋工', group: '6-06', synonyms: ['绑钢筋', '钢筋', '扎钢筋'] },
  { code: '6-06-04', name: '水电工', group: '6-06', synonyms: ['水电安装', '水电', '装修水电'] },
  { code: '6-06-05', name: '油漆工', group: '6-06', synonyms: ['刷漆', '腻子工', '刮腻子', '刷墙', '油工'] },
  { code: '6-06-06', name: '架子工', group: '6-06', synonyms: ['搭架子', '脚手架', '架工'] },
  { code: '6-06-07', name: '建筑普工', group: '6-06', synonyms: ['小工', '建筑小工', '力工', '工地杂工', '工地普工'] },
  { code: '6-06-08', name: '混凝土工', group: '6-06', synonyms: ['打灰', '浇筑', '打混凝土', '混凝土'] },
  { code: '6-06-09', name: '抹灰工', group: '6-06', synonyms: ['抹灰', '粉刷', '抹墙'] },
  { code: '6-06-10', name: '贴砖工', group: '6-06', synonyms: ['贴瓷砖', '瓷砖', '铺地砖', '镶贴工'] },
  { code: '6-06-11', name: '防水工', group: '6-06', synonyms: ['防水', '做防水', '补漏'] },
  { code: '6-06-12', name: '水暖工', group: '6-06', synonyms: ['水暖', '管道工', '暖气安装', '下水道'] },
  { code: '6-06-13', name: '吊顶工', group: '6-06', synonyms: ['吊顶', '石膏板', '轻钢龙骨'] },
  { code: '6-06-14', name: '外墙保温工', group: '6-06', synonyms: ['外墙保温', '保温', '真石漆'] },
  { code: '6-06-15', name: '装修工', group: '6-06', synonyms: ['装修', '室内装修', '装修师傅'] },
  { code: '6-06-16', name: '钢结构安装工', group: '6-06', synonyms: ['钢结构', '彩钢', '彩钢房', '钢构'] },
  { code: '6-06-17', name: '筑路工', group: '6-06', synonyms: ['修路', '道路施工', '沥青摊铺', '路工'] },

  // 6-07 工程机械驾驶
  { code: '6-07-01', name: '挖掘机司机', group: '6-07', synonyms: ['挖机', '钩机', '挖掘机', '开挖机'] },
  { code: '6-07-02', name: '装载机司机', group: '6-07', synonyms: ['铲车', '装载机', '开铲车'] },
  { code: '6-07-03', name: '吊车司机', group: '6-07', synonyms: ['吊车', '汽车吊', '起重机'] },
  { code: '6-07-04', name: '塔吊司机', group: '6-07', synonyms: ['塔吊', '塔机司机', '塔司'] },
  { code: '6-07-05', name: '起重信号工', group: '6-07', synonyms: ['信号工', '司索工', '塔吊指挥', '挂钩工'] },
  { code: '6-07-06', name: '压路机司机', group: '6-07', synonyms: ['压路机', '压路'] },
  { code: '6-07-07', name: '泵车司机', group: '6-07', synonyms: ['泵车', '天泵', '地泵'] },

  // 6-08 电气安装与维修
  { code: '6-08-01', name: '电工', group: '6-08', synonyms: ['电工师傅', '维修电工', '低压电工', '高压电工'] },
  { code: '6-08-02', name: '光伏安装工', group: '6-08', synonyms: ['光伏', '太阳能板安装', '装光伏'] },
  { code: '6-08-03', name: '空调安装工', group: '6-08', synonyms: ['装空调', '空调安装', '空调师傅'] },
  { code: '6-08-04', name: '弱电安装工', group: '6-08', synonyms: ['弱电', '监控安装', '网络布线', '安防'] },
  { code: '6-08-05', name: '宽带安装维护员', group: '6-08', synonyms: ['装宽带', '宽带', '装网', '网络维护'] },
  { code: '6-08-06', name: '电梯维修工', group: '6-08', synonyms: ['电梯维保', '电梯安装', '电梯'] },
  { code: '6-08-07', name: '电力线路工', group: '6-08', synonyms: ['线路工', '电力施工', '架线', '外线电工'] },

  // 6-09 纺织服装与手工
  { code: '6-09-01', name: '缝纫工', group: '6-09', synonyms: ['缝纫', '平车工', '做衣服', '踩缝纫机', '服装车工'] },
  { code: '6-09-02', name: '裁剪工', group: '6-09', synonyms: ['裁剪', '裁床', '裁布'] },
  { code: '6-09-03', name: '锁边工', group: '6-09', synonyms: ['锁边', '包缝'] },
  { code: '6-09-04', name: '整烫工', group: '6-09', synonyms: ['熨烫', '整烫', '烫衣服'] },
  { code: '6-09-05', name: '手工编织工', group: '6-09', synonyms: ['编织', '柳编', '草编', '手工编织'] },
  { code: '6-09-06', name: '手工加工工', group: '6-09', synonyms: ['手工活', '来料加工', '在家做手工', '外发手工'] },

  // 6-10 生产通用岗位
  { code: '6-10-01', name: '普工', group: '6-10', synonyms: ['操作工', '流水线', '工厂普工', '进厂', '车间工人'] },
  { code: '6-10-02', name: '包装工', group: '6-10', synonyms: ['包装', '打包', '装箱', '包装员'] },
  { code: '6-10-03', name: '质检员', group: '6-10', synonyms: ['质检', '品检', '检验员', 'QC'] },
  { code: '6-10-04', name: '化验员', group: '6-10', synonyms: ['化验', '检测员', '实验员'] },
  { code: '6-10-05', name: '班组长', group: '6-10', synonyms: ['组长', '班长', '线长'] },
  { code: '6-10-06', name: '车间主任', group: '6-10', synonyms: ['车间主管', '生产主管', '车间管理'] },
  { code: '6-10-07', name: '学徒工', group: '6-10', synonyms: ['学徒', '跟师傅', '学手艺'] },
  { code: '6-10-08', name: '锅炉工', group: '6-10', synonyms: ['烧锅炉', '司炉工', '锅炉'] },
  { code: '6-10-09', name: '污水处理工', group: '6-10', synonyms: ['污水处理', '水处理', '环保设备'] },

  // 6-11 农副产品加工
  { code: '6-11-01', name: '屠宰工', group: '6-11', synonyms: ['屠宰', '杀猪', '分割工', '屠宰场'] },
  { code: '6-11-02', name: '肉制品加工工', group: '6-11', synonyms: ['熟食加工', '卤肉', '肉食加工', '熟食'] },
  { code: '6-11-03', name: '粮油加工工', group: '6-11', synonyms: ['榨油', '磨面', '粮食加工', '油坊'] },
  { code: '6-11-04', name: '板栗加工工', group: '6-11', synonyms: ['炒板栗', '板栗加工', '糖炒栗子'] },
  { code: '6-11-05', name: '核桃加工工', group: '6-11', synonyms: ['剥核桃', '核桃仁', '核桃加工'] },
  { code: '6-11-06', name: '果品加工工', group: '6-11', synonyms: ['水果加工', '果脯', '果汁', '石榴加工'] },
  { code: '6-11-07', name: '中药材加工工', group: '6-11', synonyms: ['药材加工', '中药材切片', '晾晒药材'] },
  { code: '6-11-08', name: '饲料加工工', group: '6-11', synonyms: ['饲料厂', '饲料加工', '配料工'] },

  // 8-01 零工与其他
  { code: '8-01-01', name: '零工', group: '8-01', synonyms: ['打零工', '日结', '临时工', '短工', '散工'] },
  { code: '8-01-02', name: '跑腿员', group: '8-01', synonyms: ['跑腿', '代办', '帮买帮送'] },
  { code: '8-01-03', name: '搬家工', group: '8-01', synonyms: ['搬家', '搬运', '扛活'] },
];
