// The campaigns pages' strings: the list (/campaigns) and the campaign page (/campaigns/:id) keep
// theirs in their own files.

import type { ChineseCatalog } from '../shared/catalog';

import * as campaignList from './campaignListMessages';
import * as campaignPage from './campaignPageMessages';
import * as campaignReading from './campaignReadingMessages';

export const en = { ...campaignList.en, ...campaignPage.en, ...campaignReading.en };

export const zhCN: ChineseCatalog<typeof en> = { ...campaignList.zhCN, ...campaignPage.zhCN, ...campaignReading.zhCN };
