import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { Providers } from '@/app/providers';
import { StartupError } from '@/app/startup-error';
import { loadConfig } from '@/features/data/config';
import './app/styles.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') ?? document.body);
  try {
    const config = await loadConfig();
    if (config.mode === 'demo') {
      // The only place src touches mocks/: a separate chunk that real deployments never load.
      const { startDemoWorker } = await import('../mocks/browser');
      await startDemoWorker();
    }
    root.render(
      <StrictMode>
        <Providers config={config}>
          <App config={config} />
        </Providers>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<StartupError error={error} />);
  }
}

void start();
