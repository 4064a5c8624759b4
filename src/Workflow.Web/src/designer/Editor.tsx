import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApp } from '../shared/context';
import { navigate, useNavigationGuard } from '../shared/router';
import { errorMessage, queryKeys, useInvalidate } from '../shared/queries';
import { Canvas } from './Canvas';
import { createDraft, publishDraft, RefusedWithProblems, saveDraft, type VersionView } from './designerApi';
import { newActivity, type ActivityDescriptor } from './descriptors';
import {
  addActivity,
  connect,
  freshId,
  moveActivity,
  nextFreePosition,
  placeActivities,
  removeActivities,
  removeConnections,
  toFileText,
  type PhaseWorkflow,
  type Position,
} from './document';
import { closeGroup, record, redo, startHistory, undo } from './history';
import { layoutPositions } from './layout';
import { edgeIds } from './model';
import { Palette } from './Palette';
import { placeProblems, type Problem } from './problems';
import { ProblemsPanel } from './ProblemsPanel';
import { PropertiesPanel } from './PropertiesPanel';
import { Toolbar } from './Toolbar';
import { useValidation } from './useValidation';
import { VersionsPanel } from './VersionsPanel';

/** The document to edit and where it came from; `key` names the route it was loaded for. */
export type EditorSource =
  | { kind: 'draft'; key: string; draftId: string; draftVersion: number; document: unknown; problems: Problem[] }
  | { kind: 'version'; key: string; version: VersionView; document: unknown; problems: Problem[] };

export type Selection = { node: string } | { edge: string } | null;

// Never zoomed in beyond 100 %: a workflow of three activities should not fill the screen.
// Not animated: the view jumps, so nothing is in motion under the pointer after an add or a layout.
const fitOptions = { padding: 0.2, maxZoom: 1 };

/** The designer: palette, canvas, properties, problems and versions around one document with its undo history. */
export function Editor({ source, descriptors }: { source: EditorSource & { document: PhaseWorkflow }; descriptors: ActivityDescriptor[] }) {
  const { api, t } = useApp();
  const failed = t('requestFailed');
  const flow = useReactFlow();
  // The lists of drafts and versions (designer, overview, audit) show what this page saves and publishes.
  const invalidate = useInvalidate();
  const changed = () => void invalidate([queryKeys.workflows]);
  const readOnly = source.kind === 'version';
  const byType = useMemo(() => new Map(descriptors.map((d) => [d.typeName, d])), [descriptors]);
  const [history, setHistory] = useState(() => startHistory(source.document));
  const document = history.present;
  const [saved, setSaved] = useState<{ document: PhaseWorkflow; draftVersion: number }>({
    document: source.document,
    draftVersion: source.kind === 'draft' ? source.draftVersion : 0,
  });
  const [selection, setSelection] = useState<Selection>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const validation = useValidation(api, document, source.problems, failed);
  const placed = useMemo(() => placeProblems(document, validation.problems), [document, validation.problems]);

  const edit = useCallback((change: (d: PhaseWorkflow) => PhaseWorkflow, group?: string) => {
    setHistory((h) => record(h, change(h.present), group));
  }, []);

  const add = (typeName: string, at?: Position) => {
    const descriptor = byType.get(typeName);
    if (!descriptor || readOnly) return;
    const id = freshId(document, typeName);
    edit((d) => addActivity(d, newActivity(descriptor, id), at ?? nextFreePosition(d)));
    setSelection({ node: id });
    // Added with the button, it lands right of the others, maybe outside the view: bring it in.
    // React Flow queues the fit until the new node has been measured.
    if (!at) void flow.fitView(fitOptions);
  };

  const deleteSelection = useCallback(() => {
    if (readOnly || !selection) return;
    if ('node' in selection) edit((d) => removeActivities(d, [selection.node]));
    else edit((d) => removeConnections(d, [edgeIds(d.root.connections).indexOf(selection.edge)]));
    setSelection(null);
  }, [edit, readOnly, selection]);

  const [layingOut, setLayingOut] = useState(false);
  const autoLayout = async () => {
    setLayingOut(true);
    try {
      const positions = await layoutPositions(document, byType);
      edit((d) => placeActivities(d, positions));
      void flow.fitView(fitOptions);
    } finally {
      setLayingOut(false);
    }
  };

  const save = async (): Promise<number | null> => {
    if (source.kind !== 'draft') return null;
    setBusy(true);
    try {
      const draft = await saveDraft(api, source.draftId, saved.draftVersion, document, failed);
      setSaved({ document, draftVersion: draft.version });
      changed();
      setStatus({ text: t('designerSaved', { version: draft.version }) });
      return draft.version;
    } catch (e) {
      setStatus({ text: errorMessage(e, failed), error: true });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (source.kind !== 'draft') return;
    const draftVersion = document === saved.document ? saved.draftVersion : await save();
    if (draftVersion === null) return;
    setBusy(true);
    try {
      const version = await publishDraft(api, source.draftId, draftVersion, failed);
      changed();
      navigate(`/designer/workflows/${encodeURIComponent(version.definitionId)}/${version.version}`, {
        search: `published=${version.version}`,
        force: true, // saved and published: nothing is lost
      });
    } catch (e) {
      if (e instanceof RefusedWithProblems && e.problems.length > 0) validation.override(e.problems);
      setStatus({ text: errorMessage(e, failed), error: true });
    } finally {
      setBusy(false);
    }
  };

  const editAsDraft = async () => {
    try {
      const draft = await createDraft(api, document, failed);
      changed();
      navigate(`/designer/drafts/${draft.id}`);
    } catch (e) {
      setStatus({ text: errorMessage(e, failed), error: true });
    }
  };

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([toFileText(document)], { type: 'application/json' }));
    const link = window.document.createElement('a');
    link.href = url;
    link.download = `${document.definitionId || 'workflow'}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), Delete: on the page, but not while typing in a field,
  // where the keys keep their usual meaning.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        setHistory((h) => (e.shiftKey ? redo(h) : undo(h)));
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        setHistory(redo);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !mod) {
        e.preventDefault();
        deleteSelection();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [deleteSelection]);

  // Leaving the page with unsaved edits (a link, back, reload, closing the tab) asks first.
  const dirty = !readOnly && document !== saved.document;
  useNavigationGuard(dirty, t('designerLeaveUnsaved'));

  const select = (next: Selection) => {
    setSelection(next);
    setHistory(closeGroup);
  };

  return (
    <div className={`designer-workspace${readOnly ? ' read-only' : ''}`}>
      <Toolbar
        readOnly={readOnly}
        canUndo={history.past.length > 0}
        canRedo={history.future.length > 0}
        dirty={dirty}
        busy={busy}
        layingOut={layingOut}
        hasSelection={!!selection}
        status={status}
        onUndo={() => setHistory(undo)}
        onRedo={() => setHistory(redo)}
        onLayout={() => void autoLayout()}
        onFit={() => void flow.fitView(fitOptions)}
        onDelete={deleteSelection}
        onSave={() => void save()}
        onPublish={() => void publish()}
        onExport={exportFile}
        onEditAsDraft={() => void editAsDraft()}
      />
      <div className="designer-columns">
        {!readOnly && <Palette descriptors={descriptors} onAdd={(type) => add(type)} />}
        <Canvas
          document={document}
          descriptors={byType}
          placed={placed}
          selection={selection}
          readOnly={readOnly}
          fitOptions={fitOptions}
          onSelect={select}
          onMove={(id, position, dragging) => {
            edit((d) => moveActivity(d, id, position), `move:${id}`);
            if (!dragging) setHistory(closeGroup);
          }}
          onConnect={(sourceId, port, target) => edit((d) => connect(d, sourceId, port, target))}
          onDrop={(type, position) => add(type, position)}
        />
        <div className="designer-side">
          <PropertiesPanel
            document={document}
            descriptors={byType}
            placed={placed}
            selection={selection}
            readOnly={readOnly}
            onEdit={edit}
            onSelect={select}
            onDelete={deleteSelection}
          />
          <ProblemsPanel document={document} placed={placed} checking={validation.checking} error={validation.error} onSelect={select} />
          <VersionsPanel definitionId={document.definitionId} shown={source.kind === 'version' ? source.version.version : undefined} />
        </div>
      </div>
    </div>
  );
}
