import { ConfigProvider, Layout, Menu, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { Catalogue } from './Catalogue';
import { Coordinator } from './Coordinator';
import { MatchCheck } from './MatchCheck';
import { Orders } from './Orders';
import { Overview } from './Overview';
import { Pledges } from './Pledges';
import { Purchases } from './Purchases';
import { ROUTE_LABELS, ROUTES, type Route, routeOf } from './routes';
import { Settings } from './Settings';
import { Unsold } from './Unsold';
import { Welcome } from './Welcome';

// Colours chosen for WCAG AA contrast (axe runs in the e2e tests).
const THEME = {
  token: {
    colorPrimary: '#18703f',
    colorLink: '#18703f',
    colorError: '#c62828',
    // antd's greys for secondary text are below 4.5:1 on white.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  },
  components: { Menu: { itemSelectedBg: '#e3f1e7', itemSelectedColor: '#14532d' } },
};

function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App() {
  const { t, language } = useI18n();
  const route = useRoute();
  useEffect(() => {
    document.title = `${t('appName')} · ${t(ROUTE_LABELS[route])}`;
  }, [route, t]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider theme="light" width={200} breakpoint="md" collapsedWidth={0}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: 16 }}>
            <img src="/icon/32.png" alt="" width={28} height={28} />
            <Typography.Text strong>{t('appName')}</Typography.Text>
          </div>
          <nav aria-label={t('appName')}>
            <Menu
              mode="inline"
              selectedKeys={[route]}
              items={ROUTES.map((r) => ({ key: r, label: <a href={`#/${r}`}>{t(ROUTE_LABELS[r])}</a> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <div data-route={route}>
            <Typography.Title level={3}>{t(ROUTE_LABELS[route])}</Typography.Title>
            {route === 'overview' && <Overview />}
            {route === 'settings' && <Settings />}
            {route === 'catalogue' && <Catalogue />}
            {route === 'purchases' && <Purchases />}
            {route === 'coordinator' && <Coordinator />}
            {route === 'pledges' && <Pledges />}
            {route === 'unsold' && <Unsold />}
            {route === 'orders' && <Orders />}
            {route === 'check' && <MatchCheck />}
            {route === 'welcome' && <Welcome />}
          </div>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
