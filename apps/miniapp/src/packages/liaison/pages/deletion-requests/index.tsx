import { DeletionRequests } from '../../../../components/DeletionRequests';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';

/** 注销申请 of the liaison's 村居 (or whole 镇街): carry out or decline (个人信息保护法 第四十七条). */
export default function LiaisonDeletionRequestsPage() {
  return (
    <PageShell>
      <RoleGate role='liaison'>{(user) => <DeletionRequests key={`${user.id}:${user.regionCode ?? ''}`} user={user} />}</RoleGate>
    </PageShell>
  );
}
