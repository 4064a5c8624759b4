import type { ThemeConfig } from 'antd';

// The design tokens: Ant Design's defaults, with the primary colour darkened until text on it and links
// on white keep WCAG 2.1 AA contrast (4.5:1), and Chinese fonts first in line for the zh-CN pages.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif",
  },
};
