// JSON: the shape is schemas/check-rapport.schema.json (tested against it).
import type { Report } from '../types.js';
import type { Formatter } from './common.js';
import { jsonText } from '../../terminal-safe.js';

export function toJson(r: Report) {
  return {
    formatversion: 1 as const,
    verktyg: r.verktyg,
    inställningar: {
      ...(r.scope.dokument ? { för: r.scope.dokument } : {}),
      ...(r.scope.steg ? { steg: r.scope.steg } : {}),
      ...(r.scope.konfig ? { konfig: r.scope.konfig } : {}),
      failSeverity: r.summary.failSeverity,
    },
    regler: r.regler.map((x) => ({ id: x.id, nivå: x.severity, beskrivning: x.beskrivning, avsnitt: x.avsnitt, steg: x.steg, dokument: x.dokument, dokumentation: x.docs, meddelanden: x.messages })),
    filer: r.filer.map((f) => ({
      fil: f.file,
      läst: f.läst,
      ...(f.projekt !== undefined ? { projekt: f.projekt } : {}),
      ...(f.kommuner ? { kommuner: f.kommuner } : {}),
      steg: f.steg,
      fynd: f.findings.map((x) => ({
        regel: x.rule, meddelande_id: x.messageId, nivå: x.severity, meddelande: x.message, fil: x.file,
        ...(x.line !== undefined ? { rad: x.line, kolumn: x.col ?? 1 } : {}),
        sökväg: x.path,
        ...(x.hint ? { tips: x.hint } : {}),
        ...(x.kommando ? { kommando: x.kommando } : {}),
      })),
      regler: f.regler.map((x) => ({ id: x.id, nivå: x.nivå, körd: x.körd, ...(x.motivering ? { motivering: x.motivering } : {}), ...(x.fel ? { internt_fel: true } : {}) })),
    })),
    sammanfattning: {
      filer: r.summary.filer, filer_med_fynd: r.summary.filerMedFynd, oläsbara: r.summary.oläsbara,
      fel: r.summary.fel, varningar: r.summary.varningar, info: r.summary.info, exitkod: r.summary.exitkod,
    },
  };
}

export const json: Formatter = (r) => jsonText(toJson(r));
