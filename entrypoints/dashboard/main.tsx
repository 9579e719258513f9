import '../../lib/zod';
import './style.css';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../components/i18n';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nProvider>
      <App />
    </I18nProvider>,
  );
}
