import { useApp } from '../shared/context';

interface ToolbarProps {
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  dirty: boolean;
  busy: boolean;
  /** The layout is being computed (ELK runs asynchronously). */
  layingOut: boolean;
  hasSelection: boolean;
  status: { text: string; error?: boolean } | null;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFit: () => void;
  onDelete: () => void;
  onSave: () => void;
  onPublish: () => void;
  onExport: () => void;
  onEditAsDraft: () => void;
}

/** The editor's commands; a published version offers only viewing, export and "edit as new draft". */
export function Toolbar(p: ToolbarProps) {
  const { t } = useApp();
  return (
    <div className="designer-toolbar" role="toolbar" aria-label={t('designerToolbar')}>
      {p.readOnly ? (
        <>
          <span className="designer-readonly-note">{t('designerReadOnly')}</span>
          <button type="button" className="primary" onClick={p.onEditAsDraft}>
            {t('designerEditAsDraft')}
          </button>
        </>
      ) : (
        <>
          <button type="button" onClick={p.onUndo} disabled={!p.canUndo} aria-keyshortcuts="Control+Z" title="Ctrl+Z">
            ↶ {t('designerUndo')}
          </button>
          <button type="button" onClick={p.onRedo} disabled={!p.canRedo} aria-keyshortcuts="Control+Shift+Z" title="Ctrl+Shift+Z">
            ↷ {t('designerRedo')}
          </button>
          <button type="button" onClick={p.onDelete} disabled={!p.hasSelection} aria-keyshortcuts="Delete">
            {t('designerDeleteSelected')}
          </button>
          <button type="button" onClick={p.onLayout} disabled={p.layingOut} aria-busy={p.layingOut}>
            {t('designerLayout')}
          </button>
        </>
      )}
      <button type="button" onClick={p.onFit}>
        {t('designerFit')}
      </button>
      <button type="button" onClick={p.onExport}>
        {t('designerExport')}
      </button>
      {!p.readOnly && (
        <>
          <span className="designer-toolbar-gap" />
          <span className={`designer-dirty${p.dirty ? ' is-dirty' : ''}`}>{p.dirty ? t('designerUnsaved') : t('designerAllSaved')}</span>
          <button type="button" onClick={p.onSave} disabled={p.busy}>
            {t('designerSave')}
          </button>
          <button type="button" className="primary" onClick={p.onPublish} disabled={p.busy}>
            {t('designerPublish')}
          </button>
        </>
      )}
      {p.status && (
        <p role={p.status.error ? 'alert' : 'status'} className={p.status.error ? 'error designer-status' : 'designer-status'}>
          {p.status.text}
        </p>
      )}
    </div>
  );
}
