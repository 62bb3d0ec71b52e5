import type { PropsWithChildren } from 'react';
import Taro, { usePageNotFound } from '@tarojs/taro';
import { ROUTES } from './lib/routes';
import './styles/theme.css';

function App({ children }: PropsWithChildren) {
  // A mistyped or outdated link (a shared H5 address, an old mini-program path) gets a page that says so.
  usePageNotFound(() => void Taro.redirectTo({ url: ROUTES.notFound }).catch(() => undefined));
  return children;
}

export default App;
