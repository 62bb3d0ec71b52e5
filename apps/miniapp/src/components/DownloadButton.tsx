import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { ApiRequestError } from '../api/client';
import './DownloadButton.css';

/**
 * A button that downloads a file (see api/files.ts) and then says where it went: in WeChat the file
 * opens at once; in a browser it lands in the downloads folder.
 */
export function DownloadButton({ text, run }: { text: string; run: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const go = async () => {
    setBusy(true);
    setError('');
    setDone(false);
    try {
      await run();
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有下载成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='zg-download'>
      <Button
        className={busy ? 'zg-btn zg-btn-ghost zg-btn-block zg-btn-disabled' : 'zg-btn zg-btn-ghost zg-btn-block'}
        disabled={busy || undefined}
        onClick={() => void go()}
      >
        {busy ? '正在下载…' : text}
      </Button>
      {done ? (
        <View className='zg-small zg-download-done'>
          {process.env.TARO_ENV === 'weapp' ? '已经在微信里打开了。点右上角“…”可以发给别人或用其他应用打开。' : '已下载，请到手机或电脑的“下载”文件夹里找。'}
        </View>
      ) : null}
      {error ? <View className='zg-error'>{error}</View> : null}
    </View>
  );
}
