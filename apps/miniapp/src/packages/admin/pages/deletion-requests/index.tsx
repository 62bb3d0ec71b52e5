import { DeletionRequests } from '../../../../components/DeletionRequests';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';

/** 注销申请 of the admin's area (a district admin: all of them): carry out or decline (个人信息保护法 第四十七条). */
export default function AdminDeletionRequestsPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => <DeletionRequests key={`${user.id}:${user.regionCode ?? ''}`} user={user} />}</RoleGate>
    </PageShell>
  );
}
