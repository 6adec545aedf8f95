import { create } from 'zustand';

/** Client-only UI state that does not belong in a shared link. */
interface UiState {
  filtersOpen: boolean;
  actions: { toggleFilters: () => void; closeFilters: () => void };
}

const useUiStore = create<UiState>()((set) => ({
  filtersOpen: false,
  actions: {
    toggleFilters: () => set((s) => ({ filtersOpen: !s.filtersOpen })),
    closeFilters: () => set({ filtersOpen: false }),
  },
}));

export const useFiltersOpen = () => useUiStore((s) => s.filtersOpen);
export const useUiActions = () => useUiStore((s) => s.actions);
