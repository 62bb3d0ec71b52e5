import type { PropsWithChildren } from 'react';
import Taro, { usePageNotFound } from '@tarojs/taro';
import { startOutbox } from './lib/outbox';
import { ROUTES } from './lib/routes';
import { followSystemFontSize } from './hooks/useLargeText';
import './styles/theme.css';

// 待发送: writes kept on the phone while there was no network go out when it comes back.
startOutbox();
// WeChat's own font size set large: 大字模式 on, unless the person turned it off.
followSystemFontSize();

function App({ children }: PropsWithChildren) {
  // A mistyped or outdated link (a shared H5 address, an old mini-program path) gets a page that says so.
  usePageNotFound(() => void Taro.redirectTo({ url: ROUTES.notFound }).catch(() => undefined));
  return children;
}

export default App;
