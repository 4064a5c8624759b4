// The campaigns pages' strings. The campaign page keeps its own in campaignPageMessages.ts.

import * as campaignPage from './campaignPageMessages';

export const en = { ...campaignPage.en };

export const zhCN: Record<keyof typeof en, string> = { ...campaignPage.zhCN };
