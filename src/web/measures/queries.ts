import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseSummaryDto } from '../../modules/cases/case.schema.ts';
import type {
  ClientMeasuresDto,
  MeasurementDto,
  RecordBody,
  ScheduleBody,
  ScheduleDto,
  WorklistMeasurementDto,
} from '../../modules/measurements/measurement.schema.ts';
import type { PathwayDto } from '../../modules/pathways/pathway.schema.ts';
import type {
  InstrumentDto,
  InstrumentSummaryDto,
} from '../../modules/questionnaires/questionnaire.schema.ts';
import { api, queryString } from '../api.ts';

export type Measurement = MeasurementDto;
export type ClientMeasures = z.infer<typeof ClientMeasuresDto>;
export type InstrumentMeasures = ClientMeasures['cases'][number]['instruments'][number];
export type MeasureRound = InstrumentMeasures['rounds'][number];
export type WorklistMeasurement = z.infer<typeof WorklistMeasurementDto>;
export type RecordInput = z.input<typeof RecordBody>;
export type InstrumentSummary = z.infer<typeof InstrumentSummaryDto>;
export type Instrument = z.infer<typeof InstrumentDto>;
export type InstrumentItem = Instrument['definition']['items'][number];
export type Schedule = z.infer<typeof ScheduleDto>;
export type ScheduleInput = z.input<typeof ScheduleBody>;
export type Pathway = PathwayDto;
export type Channel = 'email' | 'sms';
export type CaseSummary = CaseSummaryDto;

export const measureKeys = {
  measurements: (clientId: string) => ['measures', 'client', clientId, 'measurements'] as const,
  measures: (clientId: string) => ['measures', 'client', clientId, 'change'] as const,
  cases: (clientId: string) => ['measures', 'client', clientId, 'cases'] as const,
  worklist: (mine: boolean) => ['measures', 'worklist', mine] as const,
  instruments: ['instruments'] as const,
  instrument: (id: string) => ['instruments', 'one', id] as const,
  schedule: (pathwayId: string | null) => ['measurementSchedule', pathwayId ?? 'default'] as const,
  pathways: ['pathways'] as const,
};

/** The client's measurements: what is due, sent (with the link's state), answered or expired. */
export function useClientMeasurements(clientId: string) {
  return useQuery({
    queryKey: measureKeys.measurements(clientId),
    queryFn: () => api.get<Measurement[]>(`/api/clients/${clientId}/measurements`),
  });
}

/** Baseline and follow-ups per instrument with the change; scores only where the instrument allows. */
export function useClientMeasures(clientId: string) {
  return useQuery({
    queryKey: measureKeys.measures(clientId),
    queryFn: () => api.get<ClientMeasures>(`/api/clients/${clientId}/measures`),
  });
}

/** The client's cases you may see: each has its plan and its measurements. */
export function useClientCases(clientId: string) {
  return useQuery({
    queryKey: measureKeys.cases(clientId),
    queryFn: () => api.get<CaseSummary[]>(`/api/clients/${clientId}/cases`),
  });
}

function useInvalidateMeasures() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['measures'] });
}

export function useSendLink() {
  const done = useInvalidateMeasures();
  return useMutation({
    mutationFn: ({ id, channel }: { id: string; channel: Channel }) =>
      api.post<Measurement>(`/api/measurements/${id}/send`, { channel }),
    onSuccess: () => done(),
  });
}

export function useRecordResult() {
  const done = useInvalidateMeasures();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RecordInput }) =>
      api.post<Measurement>(`/api/measurements/${id}/result`, body),
    onSuccess: () => done(),
  });
}

export function useMeasurementWorklist(mine: boolean) {
  return useQuery({
    queryKey: measureKeys.worklist(mine),
    queryFn: () =>
      api.get<WorklistMeasurement[]>(
        `/api/worklist/measurements${queryString({ mine: mine ? 'true' : '' })}`,
      ),
  });
}

/** Every instrument version (the highest active one of each code is marked latest). */
export function useInstruments() {
  return useQuery({
    queryKey: measureKeys.instruments,
    queryFn: () => api.get<InstrumentSummary[]>('/api/instruments'),
    staleTime: 5 * 60_000,
  });
}

export function useInstrument(id: string | undefined) {
  return useQuery({
    queryKey: measureKeys.instrument(id ?? ''),
    queryFn: () => api.get<Instrument>(`/api/instruments/${id}`),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function useImportInstrument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: unknown) => api.post<Instrument>('/api/instruments', definition),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: measureKeys.instruments }),
  });
}

export function useSchedule(pathwayId: string | null) {
  return useQuery({
    queryKey: measureKeys.schedule(pathwayId),
    queryFn: () => api.get<Schedule>(`/api/measurement-schedule${queryString({ pathwayId })}`),
  });
}

export function useUpdateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleInput) => api.put<Schedule>('/api/measurement-schedule', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['measurementSchedule'] }),
  });
}

export function usePathways() {
  return useQuery({
    queryKey: measureKeys.pathways,
    queryFn: () => api.get<Pathway[]>('/api/pathways'),
    staleTime: 5 * 60_000,
  });
}
