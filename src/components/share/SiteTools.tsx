import { lazy, Suspense, useRef, useState } from 'react';
import { DownloadMenu } from './DownloadMenu';
import './SiteTools.css';

// The header's tools: `Share` (a dialog that builds a link) and `Download…` (the exports).
// Both load their code on demand; only these two buttons are in the first bundle.

const ShareDialog = lazy(() => import('./ShareDialog'));

export function SiteTools() {
  const [sharing, setSharing] = useState(false);
  const shareButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="site-tools">
      <button
        ref={shareButton}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setSharing(true)}
      >
        Share
      </button>
      <DownloadMenu />
      {sharing && (
        <Suspense fallback={null}>
          <ShareDialog
            onClose={() => {
              setSharing(false);
              // Focus goes back where it came from.
              shareButton.current?.focus();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
