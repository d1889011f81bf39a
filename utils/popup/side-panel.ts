/**
 * Opening the reading companion from the popup: Chrome's side panel (`sidePanel`, MV3) or
 * Firefox's sidebar (`sidebarAction`). Both browsers open it only straight from the reader's
 * click, so the call is made synchronously in the click handler, with the window known before.
 */
export interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** The browser's panel API, or undefined where there is none (the popup then offers no link). */
export function sidePanelApi(api: unknown): PanelApis | undefined {
  const { sidePanel, sidebarAction } = (api ?? {}) as PanelApis;
  if (typeof sidePanel?.open === 'function') return { sidePanel };
  if (typeof sidebarAction?.open === 'function') return { sidebarAction };
  return undefined;
}

export function openSidePanel(api: PanelApis, windowId: number | undefined): Promise<void> {
  if (api.sidePanel) {
    if (windowId === undefined) return Promise.reject(new Error('The window to open the side panel in is not known yet.'));
    return api.sidePanel.open({ windowId });
  }
  return api.sidebarAction ? api.sidebarAction.open() : Promise.reject(new Error('This browser has no side panel.'));
}
