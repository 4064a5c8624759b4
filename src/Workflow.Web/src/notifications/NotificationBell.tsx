import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Api } from '../shared/api';
import { formatTime } from '../shared/format';
import type { Language, Translate } from '../shared/i18n';
import { Link } from '../shared/Link';
import { useLiveUpdates } from '../shared/liveUpdates';
import { affectsInbox, appendPage, kindLabel, markRead, notificationPath, type NotificationItem } from './notifications';

const pageSize = 10;

interface Inbox {
  items: NotificationItem[];
  next: string | null;
  loaded: boolean;
  error?: string;
}

const empty: Inbox = { items: [], next: null, loaded: false };

/**
 * The header's bell: the caller's unread count (kept current by the events stream), and a panel with
 * their notifications, newest first, older ones a page at a time. Opening one (its link) or its
 * button marks it read. Escape or a click elsewhere closes the panel.
 */
export function NotificationBell({ api, t, language }: { api: Api; t: Translate; language: Language }) {
  const [unread, setUnread] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [inbox, setInbox] = useState<Inbox>(empty);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Only the newest answer counts: a slow one must not overwrite what a later request already showed.
  const countRequest = useRef(0);
  const listRequest = useRef(0);

  const readCount = useCallback(async () => {
    const request = ++countRequest.current;
    try {
      const { data, response } = await api.GET('/api/v1/me/notifications/unread-count');
      if (request === countRequest.current && response.ok && data) setUnread(data.count);
    } catch {
      // Offline for a moment: the next news or opening the panel reads it again.
    }
  }, [api]);

  const readPage = useCallback(
    async (after: string | null) => {
      const request = ++listRequest.current;
      try {
        const { data, response } = await api.GET('/api/v1/me/notifications', {
          params: { query: { limit: pageSize, ...(after ? { after } : {}) } },
        });
        if (request !== listRequest.current) return;
        if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
        setInbox((shown) => ({
          items: after ? appendPage(shown.items, data.items) : data.items,
          next: data.nextCursor ?? null,
          loaded: true,
        }));
      } catch (error) {
        if (request === listRequest.current) setInbox((shown) => ({ ...shown, loaded: true, error: String(error) }));
      }
    },
    [api],
  );

  useEffect(() => {
    void readCount();
  }, [readCount]);

  // The titles come in the page's language: opening, or switching the language while open, reads the first page.
  useEffect(() => {
    if (!open) return;
    void readPage(null);
    void readCount();
  }, [open, language, readPage, readCount]);

  const openNow = useRef(open);
  openNow.current = open;
  useLiveUpdates(api, (entries) => {
    if (!affectsInbox(entries)) return;
    void readCount();
    if (openNow.current) void readPage(null);
  });

  useEffect(() => {
    if (!open) return;
    const closeOutside = (e: MouseEvent) => {
      if (!container.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const read = (item: NotificationItem) => {
    if (item.read) return;
    const after = markRead(inbox.items, unread ?? 0, item.id);
    setInbox((shown) => ({ ...shown, items: after.items }));
    setUnread(after.unread);
    api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id: item.id } } }).then(
      () => readCount(),
      () => readCount(),
    );
  };

  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  const label = unread === null ? t('notificationsHeading') : t('notificationsButton', { count: unread });
  return (
    <div className="notification-bell" ref={container} onKeyDown={closeOnEscape}>
      <button
        type="button"
        ref={button}
        className="notification-button"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread ? (
          <span className="notification-count" aria-hidden="true" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open && (
        <div
          id={panelId}
          className="notification-panel"
          role="region"
          aria-label={t('notificationsHeading')}
          data-testid="notification-panel"
        >
          <div className="notification-panel-head">
            <h2>{t('notificationsHeading')}</h2>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                button.current?.focus();
              }}
            >
              {t('notificationsClose')}
            </button>
          </div>
          {inbox.error && (
            <p role="alert" className="error">
              {t('notificationsLoadFailed')}: {inbox.error}
            </p>
          )}
          {!inbox.loaded && <p role="status">{t('loading')}</p>}
          {inbox.loaded && inbox.items.length === 0 && !inbox.error && <p>{t('notificationsEmpty')}</p>}
          <ul className="notification-list">
            {inbox.items.map((item) => (
              <li key={item.id} className={item.read ? 'notification-read' : 'notification-unread'} data-testid="notification-item">
                <div className="notification-meta">
                  <span>{t(kindLabel(item.kind))}</span>
                  {!item.read && <strong>{t('notificationsUnread')}</strong>}
                  <time dateTime={item.at}>{formatTime(item.at, language)}</time>
                </div>
                <Link
                  to={notificationPath(item)}
                  onClick={() => {
                    read(item);
                    setOpen(false);
                  }}
                >
                  {item.title}
                </Link>
                {!item.read && (
                  <button type="button" aria-label={t('notificationsMarkReadOf', { title: item.title })} onClick={() => read(item)}>
                    {t('notificationsMarkRead')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {inbox.next && (
            <button type="button" onClick={() => void readPage(inbox.next)}>
              {t('notificationsOlder')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
    </svg>
  );
}
