// The campaigns pages' strings: the list (/campaigns) and the campaign page (/campaigns/:id) keep
// theirs in their own files.

import * as campaignList from './campaignListMessages';
import * as campaignPage from './campaignPageMessages';

export const en = { ...campaignList.en, ...campaignPage.en };

export const zhCN: Record<keyof typeof en, string> = { ...campaignList.zhCN, ...campaignPage.zhCN };
