import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DISTRICT_NAME, type AuthUser, type RegionCentreCount, type RegionCentreRowError, type RegionCentresImportResult } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { FILE_SUPPORT, downloadRegionCentres, pickFile, uploadRegionCentres, type PickedFile } from '../../../../api/files';
import { useApi } from '../../../../api/hooks';
import { DownloadButton } from '../../../../components/DownloadButton';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { formatDateTime } from '../../../../lib/resident';
import { homeOf } from '../../../../lib/routes';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
/** The API's limit (10 MB); a centre file is a few dozen KB, so anything near it is the wrong file. */
const MAX_BYTES = 10 * 1024 * 1024;
/** Row problems shown at once; the rest are counted. */
const SHOWN_ERRORS = 50;
const FIELD_LABELS: Record<string, string> = { code: '代码', lat: '纬度', lng: '经度', source: '来源' };

/** A refused upload: what went wrong overall, and each bad row (from the 400's `errors`). */
interface Refusal {
  message: string;
  rows: RegionCentreRowError[];
}

function refusalOf(e: unknown): Refusal {
  if (!(e instanceof ApiRequestError)) return { message: '没有上传成功，请再试一次', rows: [] };
  const errors = (e.body.errors ?? []) as Partial<RegionCentreRowError>[];
  const rows = errors.filter((x): x is RegionCentreRowError => typeof x.row === 'number' && typeof x.message === 'string');
  return { message: e.message, rows };
}

/** "第 3 行" and the message, which already starts with its column ("纬度：…"); the column added when not. */
function RowProblem({ error }: { error: RegionCentreRowError }) {
  const label = FIELD_LABELS[error.field];
  const named = label && (error.message.startsWith(label) || error.message.startsWith('纬度和经度'));
  return (
    <View className='rc-error'>
      <View className='rc-error-row'>第 {error.row} 行</View>
      <View className='rc-error-text'>
        {label && !named ? <Text className='rc-error-field'>{label}：</Text> : null}
        {error.message}
      </View>
    </View>
  );
}

function Count({ label, count }: { label: string; count: RegionCentreCount }) {
  const none = count.withCentre === 0;
  return (
    <View className={none ? 'rc-count rc-count-none' : 'rc-count'}>
      <Text className='rc-count-label'>{label}</Text>
      <View>
        <Text className='rc-num'>{count.withCentre}</Text>
        <Text className='rc-of'> / {count.total} 个有中心点</Text>
      </View>
    </View>
  );
}

function Centres() {
  const summary = useApi(() => api.regionCentres({ toast: false }), []);
  const [file, setFile] = useState<PickedFile>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RegionCentresImportResult>();
  const [refusal, setRefusal] = useState<Refusal>();

  const choose = async () => {
    setRefusal(undefined);
    setDone(undefined);
    const picked = await pickFile(['xlsx', 'csv']);
    if (!picked) return;
    setFile(picked);
    const name = picked.name.toLowerCase();
    if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) {
      setRefusal({ message: '只能上传 Excel 表格（.xlsx）或 CSV 文件，请用下载的模板填写。', rows: [] });
      return;
    }
    if (picked.size > MAX_BYTES) {
      setRefusal({ message: '文件太大了（超过10MB），这不像是中心点表格，请用下载的模板填写。', rows: [] });
      return;
    }
    setBusy(true);
    try {
      setDone(await uploadRegionCentres(picked));
      void summary.reload();
      void Taro.showToast({ title: '导入完成', icon: 'success', duration: 1500 });
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  const s = summary.data;
  const shown = refusal?.rows.slice(0, SHOWN_ERRORS) ?? [];
  const badRows = new Set(refusal?.rows.map((r) => r.row)).size;

  return (
    <View className='rc'>
      <View className='zg-card rc-first'>
        <View className='zg-card-title'>这是做什么用的</View>
        <View className='zg-text'>找零工时，岗位按“离我最近”排。企业没在地图上标位置的岗位，就按它所在村居（没填村居的按镇街）的中心点算远近。</View>
        <View className='zg-small rc-note'>中心点只能由区级管理员导入，每个点都要写明来源；系统不会自己编。没有中心点的地方，那里没标位置的岗位排在后面。</View>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>{DISTRICT_NAME}现在有多少</View>
        {summary.loading && !s ? <View className='zg-small'>正在加载…</View> : null}
        {summary.error ? <View className='zg-error'>{summary.error.message}</View> : null}
        {s ? (
          <View>
            <View className='rc-counts'>
              <Count label='镇街' count={s.towns} />
              <Count label='村居' count={s.villages} />
            </View>
            <View className='zg-small rc-note'>{s.lastUpdatedAt ? `上次导入：${formatDateTime(s.lastUpdatedAt)}` : '还没有导入过中心点。'}</View>
          </View>
        ) : null}
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>1. 下载模板</View>
        <View className='zg-text rc-step'>表里列着全部镇街和村居，已经有的点也在里面。在空着的行填上纬度、经度和来源（比如“天地图 2026-11 村委会驻地”），不填的行会跳过。</View>
        {FILE_SUPPORT.download ? (
          <DownloadButton text='下载模板' run={downloadRegionCentres} />
        ) : (
          <View className='zg-error'>这个版本不能下载文件，请在电脑浏览器里打开枣工快递下载。</View>
        )}
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>2. 上传填好的表格</View>
        <View className='zg-text rc-step'>
          {IS_WEAPP
            ? '先把填好的表格发到微信聊天里（比如发给“文件传输助手”），再点下面的按钮，从聊天记录里选这个文件。'
            : '点下面的按钮，选填好的 Excel 表格（.xlsx）。也可以选 CSV 文件，但要存成“CSV UTF-8”。'}
        </View>
        <View className='zg-small rc-step'>只要有一行不对，整个文件都不导入，并告诉您是第几行、哪里不对；改好后重新上传。再次上传会替换原来的点。</View>
        {FILE_SUPPORT.upload ? (
          <Button className={busy ? 'zg-btn zg-btn-block zg-btn-disabled' : 'zg-btn zg-btn-block'} disabled={busy || undefined} onClick={() => void choose()}>
            {busy ? '正在检查和导入…' : file ? '重新选择文件上传' : '选择文件上传'}
          </Button>
        ) : (
          <View className='zg-error'>这个版本不能选文件上传，请在电脑浏览器里打开枣工快递上传。</View>
        )}
        {file ? (
          <View className='rc-file'>
            已选文件：<Text className='rc-file-name'>{file.name}</Text>
          </View>
        ) : null}

        {done ? (
          <View className='rc-done'>
            <View className='rc-done-title'>已导入 {done.updated} 个中心点</View>
            <View className='zg-text'>
              镇街 {done.towns} 个，村居 {done.villages} 个。
            </View>
          </View>
        ) : null}

        {refusal ? (
          <View className='rc-refused'>
            <View className='zg-error rc-refused-title'>{refusal.message}</View>
            {shown.length ? (
              <View className='rc-errors'>
                <View className='zg-label'>要改的行（共 {badRows} 行）</View>
                {shown.map((e, i) => (
                  <RowProblem key={`${e.row}-${e.field}-${i}`} error={e} />
                ))}
                {refusal.rows.length > shown.length ? <View className='zg-small'>还有 {refusal.rows.length - shown.length} 条问题没有列出，请先改好上面这些。</View> : null}
              </View>
            ) : null}
          </View>
        ) : null}
      </View>
    </View>
  );
}

/** 村居中心点: the district admin imports 镇街/村居 centre points (xlsx or CSV) for 零工 nearest-first. */
export default function RegionCentresPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>
        {(user: AuthUser) =>
          user.regionCode ? (
            <StateView title='这一页是给区级管理员用的' body='村居中心点关系到全区零工的排序，只有区级管理员可以导入。' actionText='回到我的首页' onAction={() => void Taro.reLaunch({ url: homeOf(user.role) })} />
          ) : (
            <Centres key={user.id} />
          )
        }
      </RoleGate>
    </PageShell>
  );
}
