import { MenuOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Drawer, Grid, Layout, Menu, Result, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, matchPath, Outlet } from 'react-router';
import { NotificationBell } from '../notifications/NotificationBell';
import { routes, sectionOf } from '../routes';
import { useApp } from '../shared/context';
import { useLiveInvalidation } from '../shared/queries';
import { NavigationQuestions, useLocation } from '../shared/router';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The signed-in app's frame: the side navigation (a drawer behind a menu button on narrow screens),
 * the header with the signed-in principal, the notifications and the language, breadcrumbs, and the page.
 */
export function Shell() {
  const { t, me, language, setLanguage, signOut, api } = useApp();
  const { path } = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawer, setDrawer] = useState(false);
  useLiveInvalidation(api);
  const section = sectionOf(path);
  const menu = (
    <nav aria-label={t('navigation')} data-testid="app-navigation">
      <Menu
        mode="inline"
        selectedKeys={section ? [section.path] : []}
        onClick={() => setDrawer(false)}
        items={routes
          .filter((r) => r.nav && (!r.nav.allowed || r.nav.allowed(me)))
          .map((r) => ({
            key: r.path,
            icon: r.nav!.icon,
            label: (
              <Link to={r.path} aria-current={section?.path === r.path ? 'page' : undefined}>
                {t(r.nav!.label)}
              </Link>
            ),
          }))}
      />
    </nav>
  );
  return (
    <Layout className="app-shell">
      <NavigationQuestions />
      {wide && (
        <Layout.Sider theme="light" width={208} className="app-sider">
          <h1 className="app-brand">{t('appTitle')}</h1>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <Space size="middle" wrap={false}>
            {!wide && <Button type="text" icon={<MenuOutlined />} aria-label={t('openNavigation')} onClick={() => setDrawer(true)} />}
            {!wide && <h1 className="app-brand-inline">{t('appTitle')}</h1>}
          </Space>
          <Space size="middle" className="header-tools">
            {wide && <Typography.Text data-testid="signed-in-as">{t('signedInAs', { principal: me.name })}</Typography.Text>}
            <NotificationBell api={api} t={t} language={language} />
            <LanguageSwitch language={language} onChange={setLanguage} t={t} />
            {/* On a phone the header has room for the bell and the language only: signing out is in the navigation. */}
            {wide && <Button onClick={signOut}>{t('signOut')}</Button>}
          </Space>
        </Layout.Header>
        {!wide && (
          <Drawer placement="left" open={drawer} onClose={() => setDrawer(false)} title={t('appTitle')} size={260}>
            <Typography.Paragraph data-testid="signed-in-as">{t('signedInAs', { principal: me.name })}</Typography.Paragraph>
            {menu}
            <Button block className="drawer-sign-out" onClick={signOut}>
              {t('signOut')}
            </Button>
          </Drawer>
        )}
        {/* Ant Design's Content is the page's <main> landmark. */}
        <Layout.Content className="app-content">
          <Crumbs path={path} />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Home › section › page: the section from the path's first segment, the page from its route's crumb. */
function Crumbs({ path }: { path: string }) {
  const { t } = useApp();
  const section = sectionOf(path);
  const page = routes.find((r) => r.crumb && matchPath(r.path, path));
  const items: { title: ReactNode }[] = [{ title: path === '/' ? t('navHome') : <Link to="/">{t('navHome')}</Link> }];
  if (section && section.path !== '/')
    items.push({ title: page ? <Link to={section.path}>{t(section.nav!.label)}</Link> : t(section.nav!.label) });
  if (page?.crumb) items.push({ title: t(page.crumb) });
  return <Breadcrumb className="app-crumbs" items={items} />;
}

export function NotFound() {
  const { t } = useApp();
  return (
    <Result status="404" title={<h2>{t('notFoundTitle')}</h2>} subTitle={t('notFoundText')} extra={<Link to="/">{t('navHome')}</Link>} />
  );
}
