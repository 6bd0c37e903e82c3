import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { type Language, languageCookie, loadMessages, type MessageKey, translate } from "./messages.ts";

type LanguageState = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
};

const LanguageContext = createContext<LanguageState | null>(null);

/**
 * The chosen language lives in a cookie, so the server renders the next page in it straight away,
 * and in localStorage as a second memory.
 */
export function LanguageProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setState] = useState<Language>(initial);
  const setLanguage = useCallback((next: Language) => {
    // The catalogue of the new language is loaded first, so no text shows as its key meanwhile.
    void loadMessages(next).then(() => setState(next));
    document.documentElement.lang = next;
    // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie; the Cookie Store API is missing in Firefox and Safari.
    document.cookie = `${languageCookie}=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
    try {
      localStorage.setItem(languageCookie, next);
    } catch {
      // Private browsing may refuse storage; the cookie still remembers.
    }
  }, []);
  const value = useMemo(
    () => ({
      language,
      setLanguage,
      t: (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params),
    }),
    [language, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage outside LanguageProvider");
  return state;
}
