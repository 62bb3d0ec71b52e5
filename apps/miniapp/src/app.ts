import type { PropsWithChildren } from 'react';
import './styles/theme.css';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
