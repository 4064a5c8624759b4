import { useApp } from '../shared/context';
import { paletteGroups, type ActivityDescriptor } from './descriptors';

/** The MIME type a palette entry is dragged with; the canvas reads the activity type from it. */
export const paletteDragType = 'application/x-workflow-activity-type';

/** The activity types by category: drag one onto the canvas, or press its + button (keyboard too). */
export function Palette({ descriptors, onAdd }: { descriptors: ActivityDescriptor[]; onAdd: (typeName: string) => void }) {
  const { language, t } = useApp();
  return (
    <aside className="designer-palette" aria-labelledby="designer-palette-heading">
      <h3 id="designer-palette-heading">{t('designerPaletteHeading')}</h3>
      <p className="designer-hint">{t('designerPaletteHelp')}</p>
      {paletteGroups(descriptors, language).map((group) => (
        <div key={group.category} className="designer-palette-group" role="group" aria-label={group.label}>
          <h4>{group.label}</h4>
          <ul>
            {group.items.map((item) => (
              <li
                key={item.typeName}
                className="designer-palette-item"
                draggable
                title={item.description}
                data-testid={`palette-${item.typeName}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(paletteDragType, item.typeName);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
              >
                <span>{item.label}</span>
                <button type="button" aria-label={t('designerPaletteAdd', { name: item.label })} onClick={() => onAdd(item.typeName)}>
                  +
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </aside>
  );
}
