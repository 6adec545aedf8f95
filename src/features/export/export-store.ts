import { create } from 'zustand';
import type { ExportSize } from './sizes';

/** Export preferences: client state that should not travel in a shared link. */
interface ExportState {
  size: ExportSize;
  scale: 1 | 2 | 3;
  actions: { setSize: (size: ExportSize) => void; setScale: (scale: 1 | 2 | 3) => void };
}

const useExportStore = create<ExportState>()((set) => ({
  size: 'wide',
  scale: 2,
  actions: { setSize: (size) => set({ size }), setScale: (scale) => set({ scale }) },
}));

export const useExportSize = () => useExportStore((s) => s.size);
export const useExportScale = () => useExportStore((s) => s.scale);
export const useExportActions = () => useExportStore((s) => s.actions);
