import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { Toast } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';

interface Flash {
  message: string;
  /** Said just before a navigation: it belongs to the next page. It goes away when the user moves on. */
  forNextPage: boolean;
}

type ShowFlash = (message: string, options?: { nextPage?: boolean }) => void;

const FlashContext = createContext<ShowFlash | null>(null);

/** A short confirmation after a save ("The client has been registered."), announced politely. */
export function FlashProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const [flash, setFlash] = useState<Flash | null>(null);
  const show = useCallback<ShowFlash>(
    (message, options) => setFlash({ message, forNextPage: options?.nextPage ?? false }),
    [],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation.
  useEffect(() => {
    setFlash((current) => (current?.forNextPage ? { ...current, forNextPage: false } : null));
  }, [location.key]);
  const value = useMemo(() => show, [show]);
  return (
    <FlashContext.Provider value={value}>
      <div role="status" className="flash-region" data-qa="flash">
        {flash && (
          <Toast showCloseButton closeText={t.common.close} onCloseButtonClick={() => setFlash(null)} mb="m">
            {flash.message}
          </Toast>
        )}
      </div>
      {children}
    </FlashContext.Provider>
  );
}

export function useFlash(): ShowFlash {
  const flash = useContext(FlashContext);
  if (!flash) throw new Error('useFlash outside FlashProvider');
  return flash;
}
