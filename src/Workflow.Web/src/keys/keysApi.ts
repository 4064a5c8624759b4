import { unwrap, type Api, type Schemas } from '../shared/api';

export type KeyView = Schemas['KeyView'];
export type IssuedKey = Schemas['IssuedKey'];
export type CreateKeyRequest = Schemas['CreateKeyRequest'];

/** The key endpoints (admins), each failure an ApiError with the server's message. */
export const keysApi = {
  list: async (api: Api, failed: string) => unwrap(await api.GET('/api/v1/keys'), failed),
  create: async (api: Api, body: CreateKeyRequest, failed: string) => unwrap(await api.POST('/api/v1/keys', { body }), failed),
  rotate: async (api: Api, id: string, graceSeconds: number, failed: string) =>
    unwrap(await api.POST('/api/v1/keys/{id}/rotate', { params: { path: { id } }, body: { graceSeconds } }), failed),
  revoke: async (api: Api, id: string, failed: string) =>
    unwrap(await api.POST('/api/v1/keys/{id}/revoke', { params: { path: { id } } }), failed),
};
