import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ImportReport } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import {
  FILE_SUPPORT,
  downloadExport,
  downloadTemplate,
  pickXlsx,
  uploadImport,
  type PickedFile,
} from '../../../../api/files';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { fieldLabel } from '../../../../lib/resident';
import { ROUTES } from '../../../../lib/routes';
import './index.css';
import { DownloadButton } from '../../../../components/DownloadButton';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const MAX_BYTES = 5 * 1024 * 1024;
/** Rows of the report shown at once; the rest are counted. */
const SHOWN_ERRORS = 50;

/** The API's row messages usually start with the column already ("身份证号：…"). */
const NAMED = /^[^：:]{1,12}[：:]/;

function messageOf(e: unknown, fallback: string): string {
  return e instanceof ApiRequestError ? e.message : fallback;
}

function Report({ report }: { report: ImportReport }) {
  const ok = report.created + report.updated;
  const shown = report.errors.slice(0, SHOWN_ERRORS);
  return (
    <View className='imp-report'>
      <View className='imp-sum'>
        {report.dryRun ? '检查结果' : '导入结果'}：共 {report.total} 行
      </View>
      <View className='imp-counts'>
        <View className='imp-count imp-count-ok'>
          <Text className='imp-num'>{ok}</Text>
          <Text className='imp-count-label'>{report.dryRun ? '人可以导入' : '人已导入'}</Text>
          <Text className='zg-small imp-count-note'>
            新登记 {report.created}，更新 {report.updated}
          </Text>
        </View>
        <View className={report.failed > 0 ? 'imp-count imp-count-bad' : 'imp-count'}>
          <Text className='imp-num'>{report.failed}</Text>
          <Text className='imp-count-label'>{report.dryRun ? '行有问题' : '行没有导入'}</Text>
        </View>
      </View>
      {shown.length > 0 ? (
        <View className='imp-errors'>
          <View className='zg-label'>有问题的行</View>
          {shown.map((e, i) => (
            <View key={`${e.row}-${e.field}-${i}`} className='imp-error'>
              <View className='imp-error-row'>第 {e.row} 行</View>
              <View className='imp-error-text'>
                {e.field && !NAMED.test(e.message) && !e.message.startsWith(fieldLabel(e.field)) ? (
                  <Text className='imp-error-field'>{fieldLabel(e.field)}：</Text>
                ) : null}
                {e.message}
              </View>
            </View>
          ))}
          {report.errors.length > shown.length ? (
            <View className='zg-small'>还有 {report.errors.length - shown.length} 条问题没有列出，请先改好上面这些。</View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function ImportTool() {
  const [file, setFile] = useState<PickedFile>();
  const [checking, setChecking] = useState(false);
  const [importing, setImporting] = useState(false);
  const [check, setCheck] = useState<ImportReport>();
  const [result, setResult] = useState<ImportReport>();
  const [error, setError] = useState('');

  const runCheck = async (picked: PickedFile) => {
    setChecking(true);
    setError('');
    setCheck(undefined);
    setResult(undefined);
    try {
      setCheck(await uploadImport(picked, true));
    } catch (e) {
      setError(messageOf(e, '文件没有检查成功，请再试一次'));
    } finally {
      setChecking(false);
    }
  };

  const choose = async () => {
    setError('');
    const picked = await pickXlsx();
    if (!picked) return;
    if (!picked.name.toLowerCase().endsWith('.xlsx')) {
      setFile(undefined);
      setError('只能导入 .xlsx 格式的 Excel 文件，请用下载的模板填写。');
      return;
    }
    if (picked.size > MAX_BYTES) {
      setFile(undefined);
      setError('文件太大了（超过5MB），请分成几个文件导入。');
      return;
    }
    setFile(picked);
    await runCheck(picked);
  };

  const confirm = async () => {
    if (!file) return;
    setImporting(true);
    setError('');
    try {
      const done = await uploadImport(file, false);
      setResult(done);
      setCheck(undefined);
      void Taro.showToast({ title: '导入完成', icon: 'success', duration: 1500 });
    } catch (e) {
      setError(messageOf(e, '没有导入成功，请再试一次'));
    } finally {
      setImporting(false);
    }
  };

  const canImport = check && check.created + check.updated > 0;
  const busy = checking || importing;

  return (
    <View className='zg-card'>
      <View className='zg-card-title'>2. 导入填好的表格</View>
      <View className='zg-text imp-step'>
        {IS_WEAPP
          ? '先把填好的 Excel 发到微信聊天里（比如发给“文件传输助手”），再点下面的按钮，从聊天记录里选这个文件。'
          : '点下面的按钮，从手机或电脑里选填好的 Excel 文件（.xlsx）。'}
      </View>
      <View className='zg-small imp-step'>先检查，不会马上保存；检查没问题再点“确认导入”。</View>
      {FILE_SUPPORT.upload ? (
        <Button
          className={busy ? 'zg-btn zg-btn-block imp-pick zg-btn-disabled' : 'zg-btn zg-btn-block imp-pick'}
          disabled={busy || undefined}
          onClick={() => void choose()}
        >
          {file ? '重新选择文件' : '选择文件导入'}
        </Button>
      ) : (
        <View className='zg-error'>这个版本不能选文件导入，请在电脑浏览器里打开枣工快递导入。</View>
      )}
      {file ? (
        <View className='imp-file'>
          已选文件：<Text className='imp-file-name'>{file.name}</Text>
        </View>
      ) : null}
      {checking ? <View className='zg-text imp-busy'>正在检查每一行…</View> : null}
      {error ? <View className='zg-error'>{error}</View> : null}

      {check ? <Report report={check} /> : null}
      {check && !canImport ? (
        <View className='zg-error'>没有可以导入的行。请按上面的提示改好表格，再重新选择文件。</View>
      ) : null}
      {canImport ? (
        <View>
          {check.failed > 0 ? (
            <View className='zg-text imp-warn'>
              有问题的 {check.failed} 行不会导入，其余 {check.created + check.updated} 人会导入。也可以先改好表格再重新选择文件。
            </View>
          ) : null}
          <Button
            className={importing ? 'zg-btn zg-btn-block imp-confirm zg-btn-disabled' : 'zg-btn zg-btn-block imp-confirm'}
            disabled={importing || undefined}
            onClick={() => void confirm()}
          >
            {importing ? '正在导入…' : `确认导入 ${check.created + check.updated} 人`}
          </Button>
        </View>
      ) : null}

      {result ? (
        <View>
          <Report report={result} />
          <Button className='zg-btn zg-btn-ghost zg-btn-block imp-confirm' onClick={() => void Taro.redirectTo({ url: ROUTES.residents })}>
            去看居民名单
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** Excel 导入导出: the template, a checked import (dry run first), and the masked export. */
export default function ImportPage() {
  return (
    <PageShell>
      <RoleGate role='liaison'>
        {() => (
          <View className='imp'>
            <View className='zg-card imp-first'>
              <View className='zg-card-title'>1. 下载模板</View>
              <View className='zg-text imp-step'>一行填一个人，表头不要改。填之前，请确认表里的每个人都本人同意登记（签字或口头同意）。</View>
              {FILE_SUPPORT.download ? (
                <DownloadButton text='下载模板' run={downloadTemplate} />
              ) : (
                <View className='zg-error'>这个版本不能下载文件，请在电脑浏览器里打开枣工快递下载。</View>
              )}
            </View>
            <ImportTool />
            <View className='zg-card'>
              <View className='zg-card-title'>导出名单</View>
              <View className='zg-text imp-step'>下载您负责范围内的居民名单（Excel）。身份证号和手机号只显示一部分。</View>
              {FILE_SUPPORT.download ? <DownloadButton text='导出名单' run={downloadExport} /> : null}
            </View>
          </View>
        )}
      </RoleGate>
    </PageShell>
  );
}
