import Taro from '@tarojs/taro';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { ROUTES } from '../../lib/routes';

/** Where an unknown address lands (a mistyped or outdated link): say so, and a way home. */
export default function NotFound() {
  return (
    <PageShell>
      <StateView
        title='这个页面找不到了'
        body='链接可能打错了，或者这个页面已经不用了。枣工快递 · 山亭区人社局'
        actionText='回首页找工作'
        onAction={() => void Taro.switchTab({ url: ROUTES.index })}
      />
    </PageShell>
  );
}
