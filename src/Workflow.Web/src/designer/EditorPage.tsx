import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useApp } from '../shared/context';
import { Link } from '../shared/Link';
import { useLocation } from '../shared/router';
import { queryError, queryKeys, readOnce } from '../shared/queries';
import { getDraft, getVersion, loadDescriptors } from './designerApi';
import { isPhaseWorkflow, normalize } from './document';
import { Editor, type EditorSource } from './Editor';

/** Where the editor's document comes from: a draft (editable), or a published version (read-only). */
export type EditorRoute = { draftId: string } | { definitionId: string; version: number };

/** /designer/drafts/:draftId and /designer/workflows/:definitionId/:version. */
export function EditorPage({ route }: { route: EditorRoute }) {
  const { api, language, t } = useApp();
  const { search } = useLocation();
  const failed = t('requestFailed');
  const key = 'draftId' in route ? route.draftId : `${route.definitionId}@${route.version}`;
  const descriptors = useQuery({ queryKey: queryKeys.descriptors(language), queryFn: () => loadDescriptors(api, failed) });
  const source = useQuery({
    // Not the language: switching it must not throw away unsaved edits.
    queryKey: queryKeys.editing('workflow', key),
    queryFn: async (): Promise<EditorSource> => {
      if ('draftId' in route) {
        const draft = await getDraft(api, route.draftId, failed);
        return { kind: 'draft', key, draftId: draft.id, draftVersion: draft.version, document: draft.definition, problems: draft.errors };
      }
      const found = await getVersion(api, route.definitionId, route.version, failed);
      return { kind: 'version', key, version: found.version, document: found.definition, problems: [] };
    },
    ...readOnce,
  });
  const error = queryError(descriptors, failed) ?? queryError(source, failed);
  const title =
    'draftId' in route
      ? t('designerDraftTitle', { id: (source.data?.document as { definitionId?: string } | undefined)?.definitionId ?? '' })
      : t('designerVersionTitle', { id: route.definitionId, version: route.version });
  return (
    <div className="designer-editor">
      <div className="designer-editor-head">
        <Link to="/designer">← {t('designerAllWorkflows')}</Link>
        <h2>{title}</h2>
      </div>
      {search.get('published') && (
        <p role="status" className="designer-notice">
          {t('designerPublished', { version: search.get('published') ?? '' })}
        </p>
      )}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : !descriptors.data || !source.data || source.data.key !== key ? (
        // The previous page's document stays in source.data while the next loads: never edit that one.
        <p>{t('loading')}</p>
      ) : !isPhaseWorkflow(source.data.document) ? (
        <p role="alert" className="error">
          {t('designerNotWorkflow')}
        </p>
      ) : (
        // A provider per document: React Flow's viewport (and its first fit) belongs to one flowchart.
        <ReactFlowProvider key={key}>
          <Editor source={{ ...source.data, document: normalize(source.data.document) }} descriptors={descriptors.data} />
        </ReactFlowProvider>
      )}
    </div>
  );
}
