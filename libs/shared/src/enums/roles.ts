export const ROLES = ['seeker', 'employer', 'liaison', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  seeker: '求职者',
  employer: '企业',
  liaison: '联络员',
  admin: '管理员',
};
