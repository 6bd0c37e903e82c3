/** "Næringsliv" from "næringsliv": a message word at the start of a cell or an option. */
export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase("nb") + text.slice(1);
