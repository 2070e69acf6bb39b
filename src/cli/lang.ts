import { Option } from "commander";
import { LANGS, type Lang, langFromEnvironment } from "../diagnostics/messages/index.js";

/** `--lang sv|en` of every command that prints findings. */
export function langOption(): Option {
  return new Option(
    "--lang <lang>",
    "language of messages and hints: sv or en (default: sv when LC_ALL, LC_MESSAGES or LANG is sv*, else en)",
  ).choices(LANGS);
}

/** The language findings are printed in: --lang, else the environment's locale, else English. */
export function messageLang(flag: string | undefined): Lang {
  return flag === "sv" || flag === "en" ? flag : langFromEnvironment();
}
