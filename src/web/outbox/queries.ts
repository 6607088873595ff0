import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';

export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  language: 'fi' | 'sv' | 'en';
  subject: string;
  /** Null unless the contents are shown (the demo: no SMTP server, demo data on). */
  body: string | null;
  /** What the message is: link (an invitation sent by a worker), followup, reminder… */
  kind: string;
  createdAt: string;
  sentAt: string | null;
  delivery: 'smtp' | 'file' | null;
  attempts: number;
  error: string | null;
}

export interface Outbox {
  showsContents: boolean;
  messages: OutboxMessage[];
}

export function useOutbox() {
  return useQuery({ queryKey: ['outbox'], queryFn: () => api.get<Outbox>('/api/outbox?limit=200') });
}
