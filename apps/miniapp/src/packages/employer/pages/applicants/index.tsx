import { useMemo, useRef, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { APPLICATION_STATUS_LABELS, LIST_LIMIT_MAX, type ApplicationItem, type ApplicationPatch, type ApplicationStatus, type HireItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { formatWage } from '../../../../lib/format';
import { candidatesUrl } from '../../../../lib/matching';
import { ROUTES } from '../../../../lib/routes';
import { ApplicantCard, type ApplicantAction } from '../../components/ApplicantCard';
import { HiredSheet, InterviewSheet, RejectSheet, type InterviewInput } from '../../components/ApplicantSheets';
import './index.css';

/** The pipeline in the order a person moves through it, then the ends, then invitations not yet answered. */
const STAGES: readonly ApplicationStatus[] = ['applied', 'viewed', 'interview', 'offered', 'hired', 'rejected', 'withdrawn', 'invited'];
const STAGE_LABELS: Record<ApplicationStatus, string> = { ...APPLICATION_STATUS_LABELS, applied: '新投递', invited: '已邀请' };
/** One post rarely has more; past this the page says so rather than loading forever. */
const MAX_PAGES = 10;

/** Every application to the post, newest change first (a post has dozens, not thousands). */
async function loadAll(postId: string): Promise<{ items: ApplicationItem[]; more: boolean }> {
  const items: ApplicationItem[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await api.listApplications({ postId, cursor, limit: LIST_LIMIT_MAX }, { toast: false });
    items.push(...page.items);
    if (!page.nextCursor) return { items, more: false };
    cursor = page.nextCursor;
  }
  return { items, more: true };
}

/** The hires made at 已入职, to tell which ones count already. */
async function loadHires(residentIds: string[]): Promise<Map<string, HireItem>> {
  const pages = await Promise.all(residentIds.map((residentId) => api.listHires({ residentId, limit: LIST_LIMIT_MAX }, { toast: false })));
  return new Map(pages.flatMap((p) => p.items).map((h) => [h.id, h]));
}

type OpenSheet = { kind: 'interview' | 'hired' | 'rejected' | 'offered' | 'withdrawn'; app: ApplicationItem };

function Applicants({ postId }: { postId: string }) {
  const post = useApi(() => api.getPost(postId, { toast: false }), [postId]);
  const apps = useApi(() => loadAll(postId), [postId]);
  const items = apps.data?.items ?? [];
  const hiredKey = items
    .filter((a) => a.status === 'hired')
    .map((a) => a.resident.id)
    .join(',');
  const hires = useApi(() => loadHires(hiredKey ? hiredKey.split(',') : []), [hiredKey]);
  const [stage, setStage] = useState<ApplicationStatus>();
  const [sheet, setSheet] = useState<OpenSheet>();
  const [busyId, setBusyId] = useState<string>();
  const [sheetError, setSheetError] = useState('');

  const counts = useMemo(() => {
    const c = new Map<ApplicationStatus, number>();
    for (const a of items) c.set(a.status, (c.get(a.status) ?? 0) + 1);
    return c;
  }, [items]);
  // Until the employer picks a tab: the first step that has someone in it.
  const shownStage = stage ?? STAGES.find((s) => (counts.get(s) ?? 0) > 0) ?? 'applied';
  const shown = items.filter((a) => a.status === shownStage);

  const reload = () => void apps.reload();
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !apps.loading) reload();
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void apps.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const patch = async (app: ApplicationItem, body: ApplicationPatch, fromSheet: boolean) => {
    if (busyId) return;
    setBusyId(app.id);
    setSheetError('');
    try {
      await patchIn(app, body, !fromSheet);
    } catch (e) {
      if (fromSheet) setSheetError(e instanceof ApiRequestError ? e.message : '没有保存成功，请再试一次');
    } finally {
      setBusyId(undefined);
    }
  };

  /** Moves the person on; errors are thrown to the caller (a sheet shows them). */
  const patchIn = async (app: ApplicationItem, body: ApplicationPatch, toast = false) => {
    await api.patchApplication(app.id, body, { toast });
    setSheet(undefined);
    // The list follows the person to their new step, so 已入职 is never seen under 新投递.
    setStage(body.status);
    // Short, as a toast allows: where the person went (the tab counts change with it).
    const title = body.status === app.status ? '面试时间已改' : `已移到「${STAGE_LABELS[body.status]}」`;
    void Taro.showToast({ title, icon: 'none', duration: 2000 });
    await apps.reload();
  };

  const onAction = (app: ApplicationItem, action: ApplicantAction) => {
    setSheetError('');
    if (action === 'viewed') return void patch(app, { status: 'viewed' }, false);
    setSheet({ kind: action === 'cancel-invite' ? 'withdrawn' : action, app });
  };

  const title = post.data?.title ?? items[0]?.post.title ?? '';
  const head = (
    <View className='zg-card apl-head'>
      <View className='zg-small'>报名这个岗位的人</View>
      <View className='apl-title'>{title || '…'}</View>
      {post.data ? <View className='zg-money apl-wage'>{formatWage(post.data)}</View> : null}
    </View>
  );

  if (apps.loading && !apps.data) {
    return (
      <View>
        {head}
        <StateView title='正在加载…' />
      </View>
    );
  }
  if (apps.error || !apps.data) {
    const forbidden = apps.error?.statusCode === 403;
    return (
      <View>
        {head}
        <StateView
          title={forbidden ? '看不了这个岗位的报名' : '报名的人没有加载出来'}
          body={apps.error?.message}
          actionText={forbidden ? '回到企业首页' : '再试一次'}
          onAction={forbidden ? () => void Taro.redirectTo({ url: ROUTES.employerHome }) : reload}
        />
      </View>
    );
  }

  return (
    <View>
      {head}
      {items.length === 0 ? (
        <StateView
          title='还没有人报名'
          body='可以看看系统推荐的人选，邀请合适的人来报名。'
          actionText='看推荐人选'
          onAction={() => void Taro.navigateTo({ url: candidatesUrl(postId) })}
        />
      ) : (
        <View>
          <ScrollView scrollX className='zg-chips apl-tabs' enhanced showScrollbar={false} scrollIntoView={`apl-tab-${shownStage}`} scrollWithAnimation>
            {STAGES.filter((s) => s !== 'invited' || (counts.get(s) ?? 0) > 0).map((s) => (
              <Chip key={s} id={`apl-tab-${s}`} label={`${STAGE_LABELS[s]} ${counts.get(s) ?? 0}`} on={shownStage === s} onTap={() => setStage(s)} />
            ))}
            <View className='zg-chips-end' />
          </ScrollView>
          {shown.length === 0 ? (
            <StateView title={`没有「${STAGE_LABELS[shownStage]}」的人`} body='点上面别的一栏看看。' />
          ) : (
            shown.map((a) => (
              <ApplicantCard
                key={a.id}
                app={a}
                hire={a.hireId ? hires.data?.get(a.hireId) : undefined}
                busy={busyId === a.id}
                onAction={(action) => onAction(a, action)}
              />
            ))
          )}
          <View className='apl-foot zg-small'>
            {apps.data.more ? '报名的人太多，只显示了最近的一部分。' : `一共${items.length}人。点上面的一栏，看这一步的人。`}
          </View>
        </View>
      )}

      {sheet?.kind === 'interview' ? (
        <InterviewSheet
          name={sheet.app.resident.name}
          place={sheet.app.interviewPlace ?? post.data?.address ?? ''}
          busy={busyId === sheet.app.id}
          error={sheetError}
          onClose={() => setSheet(undefined)}
          onSubmit={(input: InterviewInput) => void patch(sheet.app, { status: 'interview', ...input }, true)}
        />
      ) : null}
      {sheet?.kind === 'hired' ? (
        <HiredSheet
          name={sheet.app.resident.name}
          busy={busyId === sheet.app.id}
          error={sheetError}
          onClose={() => setSheet(undefined)}
          onSubmit={(startDate) => void patch(sheet.app, { status: 'hired', startDate }, true)}
        />
      ) : null}
      {sheet?.kind === 'offered' ? (
        <ConfirmSheet title={`录用${sheet.app.resident.name}？`} submitText='录用' onClose={() => setSheet(undefined)} onSubmit={() => patchIn(sheet.app, { status: 'offered' })}>
          对方会看到“企业决定录用”。请打电话告诉TA哪天来上班；TA来上班那天，再点“已入职”。<Text className='cs-strong'>录用后不能退回前面的步骤。</Text>
        </ConfirmSheet>
      ) : null}
      {sheet?.kind === 'withdrawn' ? (
        <ConfirmSheet title='撤回邀请？' submitText='撤回邀请' danger cancelText='不撤回' onClose={() => setSheet(undefined)} onSubmit={() => patchIn(sheet.app, { status: 'withdrawn' })}>
          对方就看不到这个邀请了。<Text className='cs-strong'>撤回后不能再邀请TA报这个岗位。</Text>
        </ConfirmSheet>
      ) : null}
      {sheet?.kind === 'rejected' ? (
        <RejectSheet
          name={sheet.app.resident.name}
          busy={busyId === sheet.app.id}
          error={sheetError}
          onClose={() => setSheet(undefined)}
          onSubmit={(note) => void patch(sheet.app, { status: 'rejected', note }, true)}
        />
      ) : null}
    </View>
  );
}

/** 报名的人: the applicants of one of the employer's posts as a pipeline, each moved along with a tap. */
export default function ApplicantsPage() {
  const { params } = useRouter();
  const postId = params.postId ?? '';
  return (
    <PageShell>
      <RoleGate role='employer'>
        {() =>
          postId ? (
            <Applicants postId={postId} />
          ) : (
            <StateView title='没有找到这个岗位' actionText='回到企业首页' onAction={() => void Taro.redirectTo({ url: ROUTES.employerHome })} />
          )
        }
      </RoleGate>
    </PageShell>
  );
}
