import { useLanguage } from "../i18n/language.tsx";
import { languageNames, languages } from "../i18n/messages.ts";

/** Three buttons, each named in its own language, so anyone finds theirs. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useLanguage();
  return (
    // biome-ignore lint/a11y/useSemanticElements: Designsystemet's script rewrites fieldsets before hydration, breaking it.
    <div role="group" aria-label={t("language.label")} className="pv-language">
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="pv-language__option"
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
        >
          {languageNames[option]}
        </button>
      ))}
    </div>
  );
}
