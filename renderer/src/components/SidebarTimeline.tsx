/**
 * The timeline facet: years and months with their item counts (date taken, else the file's
 * time — the gallery's date sort), years collapsible. Clicking a year or a month filters the
 * gallery with the search language (`taken:2023-06`); clicking it again takes the filter off.
 */
import { useEffect, useState } from 'react';
import { call } from '../api/client.js';
import { buildFilter } from '../logic/gallery-query.js';
import { monthName, takenTermOf, timelineYears, withoutTakenTerm, withTakenTerm, type TimelineYear } from '../logic/timeline.js';
import { useStore } from '../store/store.js';
import { SidebarSection } from './SidebarSection.js';

function useTimeline(): TimelineYear[] | null {
  // The library's totals are reloaded after every change that could move a count.
  const info = useStore((s) => s.info);
  const [years, setYears] = useState<TimelineYear[] | null>(null);
  useEffect(() => {
    let live = true;
    call('media.sortBuckets', { filter: buildFilter({ kind: 'all' }, ''), sort: { field: 'takenAt', direction: 'desc' } })
      .then((answer) => live && setYears(timelineYears(answer.buckets)))
      .catch(() => live && setYears([]));
    return () => {
      live = false;
    };
  }, [info]);
  return years;
}

function Count({ count }: { count: number }) {
  return (
    <span className="side-count">
      {count.toLocaleString()}
      <span className="visually-hidden">{count === 1 ? ' item' : ' items'}</span>
    </span>
  );
}

function FilterButton({ value, label, count }: { value: string; label: string; count: number }) {
  const search = useStore((s) => s.search);
  const setSearch = useStore((s) => s.setSearch);
  const active = takenTermOf(search) === value;
  return (
    <button
      type="button"
      className={active ? 'side-item active' : 'side-item'}
      aria-pressed={active}
      onClick={() => setSearch(active ? withoutTakenTerm(search) : withTakenTerm(search, value))}
    >
      <span className="side-label">{label}</span>
      <Count count={count} />
    </button>
  );
}

export function SidebarTimeline() {
  const years = useTimeline();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  if (years === null || years.length === 0) return null;
  const toggle = (year: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (next.has(year)) next.delete(year);
      else next.add(year);
      return next;
    });
  return (
    <SidebarSection id="timeline" title="Timeline">
      <ul className="side-list" aria-label="Years">
        {years.map((year) => (
          <li key={year.year}>
            <div className="timeline-year">
              <button
                type="button"
                className="timeline-toggle"
                aria-expanded={open.has(year.year)}
                aria-label={`${open.has(year.year) ? 'Hide' : 'Show'} the months of ${year.year}`}
                onClick={() => toggle(year.year)}
              >
                {open.has(year.year) ? '▾' : '▸'}
              </button>
              <FilterButton value={year.year} label={year.year} count={year.count} />
            </div>
            {open.has(year.year) && (
              <ul className="timeline-months" aria-label={`Months of ${year.year}`}>
                {year.months.map((month) => (
                  <li key={month.key}>
                    <FilterButton value={month.key} label={`${monthName(month.key)} ${year.year}`} count={month.count} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </SidebarSection>
  );
}
