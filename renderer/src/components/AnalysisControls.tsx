import { useEffect, useId } from 'react';
import { analyseLibrary, changeAnalysisSettings, loadAnalysisStatus } from '../actions/analysis.js';
import { useStore } from '../store/store.js';

/** Extensions the background analysis can run, with what each says. */
const EXTENSIONS: readonly { name: string; label: string }[] = [
  { name: 'objects', label: 'Objects (people, vehicles, animals, things)' },
  { name: 'places', label: 'Places (from the GPS position)' },
  { name: 'local-analysis', label: 'Local analysis (orientation, colours, camera, year)' },
];

/**
 * The sidebar's analysis block: "Analyse new items automatically" with its extensions, and
 * "Analyse the whole library". Progress shows in the status bar.
 */
export function AnalysisControls() {
  const settings = useStore((s) => s.analysisStatus?.settings ?? null);
  const autoId = useId();
  useEffect(() => void loadAnalysisStatus(), []);
  const chosen = new Set(settings?.extensions ?? []);
  const toggle = (name: string, on: boolean): void => {
    const next = EXTENSIONS.map((e) => e.name).filter((n) => (n === name ? on : chosen.has(n)));
    if (next.length > 0) void changeAnalysisSettings({ extensions: next });
  };
  return (
    <div className="side-analysis" role="group" aria-label="Analysis">
      <div className="checkbox-row">
        <input
          id={autoId}
          type="checkbox"
          checked={settings?.autoAnalyse ?? false}
          disabled={settings === null}
          onChange={(e) => void changeAnalysisSettings({ autoAnalyse: e.target.checked })}
        />
        <label htmlFor={autoId}>Analyse new items automatically</label>
      </div>
      <details>
        <summary>Extensions to run</summary>
        {EXTENSIONS.map((extension) => (
          <label key={extension.name} className="checkbox-row">
            <input
              type="checkbox"
              checked={chosen.has(extension.name)}
              disabled={settings === null || (chosen.has(extension.name) && chosen.size === 1)}
              onChange={(e) => toggle(extension.name, e.target.checked)}
            />
            {extension.label}
          </label>
        ))}
      </details>
      <button type="button" className="side-action" title="Analyse every item not analysed yet (in the background, after any import)" onClick={() => void analyseLibrary()}>
        Analyse the whole library
      </button>
    </div>
  );
}
