import type { PolicyInput } from '@zaogong/shared';

/**
 * Demo policies: the names of policies the district really runs, who they are for as rules over the ledger,
 * and what to bring — never an amount (each says 以人社部门公布为准; an admin types the published figures).
 */
const HOW = '带上材料到户籍所在镇街便民服务中心人社窗口办理，也可以先问村里的劳动就业联络员。';
const FOR_SURE = '具体条件、标准和办理时间以人社部门公布为准。';

export const DEMO_POLICIES: Omit<PolicyInput, 'validFrom'>[] = [
  {
    title: '创业担保贷款',
    issuer: '山亭区人力资源和社会保障局',
    summary: '想自己创业、缺启动资金的，可以申请创业担保贷款，按规定享受财政贴息。',
    benefit: `可申请创业担保贷款并按规定享受贴息。${FOR_SURE}`,
    audience: 'person',
    rules: [
      { field: 'keyGroups', op: 'in', value: ['graduate', 'veteran', 'returning_migrant', 'hard_to_employ', 'low_income', 'disabled'] },
      { field: 'age', op: 'lte', value: 60 },
    ],
    materials: '身份证、户口本、创业项目情况（营业执照或经营场所证明）',
    howToApply: HOW,
    contactPhone: '12333',
  },
  {
    title: '一次性创业补贴',
    issuer: '山亭区人力资源和社会保障局',
    summary: '首次创办小微企业或从事个体经营、正常经营一段时间的，可以申请一次性创业补贴。',
    benefit: `符合条件的给予一次性创业补贴。${FOR_SURE}`,
    audience: 'person',
    rules: [
      { field: 'status', op: 'eq', value: 'self_employed' },
      { field: 'keyGroups', op: 'in', value: ['graduate', 'returning_migrant', 'low_income', 'hard_to_employ', 'veteran', 'disabled'] },
    ],
    materials: '身份证、营业执照、经营场所证明',
    howToApply: HOW,
    contactPhone: '12333',
  },
  {
    title: '灵活就业人员社会保险补贴',
    issuer: '山亭区人力资源和社会保障局',
    summary: '就业困难人员灵活就业（打零工、做个体）并缴纳社会保险的，可以申请社会保险补贴。',
    benefit: `按规定对已缴纳的社会保险费给予补贴。${FOR_SURE}`,
    audience: 'person',
    rules: [{ field: 'keyGroups', op: 'contains', value: 'hard_to_employ' }],
    materials: '身份证、就业困难人员认定证明、社保缴费凭证',
    howToApply: HOW,
    contactPhone: '12333',
  },
  {
    title: '就业困难人员认定与公益性岗位',
    issuer: '山亭区人力资源和社会保障局',
    summary: '找工作有困难的（年龄偏大、残疾、家庭困难等），可以申请就业困难人员认定，优先安排公益性岗位。',
    benefit: `认定后可按规定享受就业援助，优先安排公益性岗位。${FOR_SURE}`,
    audience: 'person',
    rules: [
      { field: 'keyGroups', op: 'in', value: ['hard_to_employ', 'disabled', 'low_income'] },
      { field: 'status', op: 'eq', value: 'seeking' },
    ],
    materials: '身份证、户口本、相关困难情况证明',
    howToApply: HOW,
    contactPhone: '12333',
  },
  {
    title: '高校毕业生就业创业补贴（含大专）',
    issuer: '山亭区人力资源和社会保障局',
    summary: '毕业2年内的高校毕业生（含大专）在山亭就业或创业的，可以申请相应补贴。',
    benefit: `按规定给予就业创业补贴。${FOR_SURE}`,
    audience: 'person',
    rules: [
      { field: 'keyGroups', op: 'contains', value: 'graduate' },
      { field: 'monthsSinceGraduation', op: 'lte', value: 24 },
      { field: 'education', op: 'gte', value: 'college' },
    ],
    materials: '身份证、毕业证、劳动合同或营业执照',
    howToApply: HOW,
    contactPhone: '12333',
  },
  {
    title: '吸纳就业补贴',
    issuer: '山亭区人力资源和社会保障局',
    summary: '企业招用重点人群（高校毕业生、就业困难人员、脱贫人口等）并签合同、缴社保的，可以申请吸纳就业补贴。',
    benefit: `按招用人数给予补贴。${FOR_SURE}`,
    audience: 'employer',
    rules: [{ field: 'keyGroupHires12m', op: 'gte', value: 1 }],
    materials: '营业执照、劳动合同、社保缴费明细',
    howToApply: '企业带材料到区人社局就业服务窗口办理，也可以先打电话咨询。',
    contactPhone: '12333',
  },
];
