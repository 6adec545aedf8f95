import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminRequest, parseAnswer } from './client';
import { editionAnswerSchema, uploadHeadSchema, uploadKinds } from './schemas';
import type { UploadAnswer } from './schemas';
import { adminKeys, useCsrf } from './session';

export function useUpload() {
  const csrf = useCsrf();
  return useMutation({
    mutationFn: async ({ file, asOf }: { file: File; asOf: string }): Promise<UploadAnswer> => {
      const query = new URLSearchParams({ file: file.name });
      if (asOf) query.set('asOf', asOf);
      const path = `uploads?${query.toString()}`;
      const head = await adminRequest(path, {
        method: 'POST',
        csrf,
        body: file,
        schema: uploadHeadSchema,
      });
      return parseAnswer(uploadKinds[head.status], head, path);
    },
  });
}

function useInvalidateEditions() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: adminKeys.editions() });
    void client.invalidateQueries({ queryKey: adminKeys.audit() });
  };
}

export function useConfirmUpload() {
  const csrf = useCsrf();
  const invalidate = useInvalidateEditions();
  return useMutation({
    mutationFn: (id: string) =>
      adminRequest(`uploads/${encodeURIComponent(id)}/confirm`, {
        method: 'POST',
        csrf,
        schema: editionAnswerSchema,
      }),
    onSettled: invalidate,
  });
}

export function useCancelUpload() {
  const csrf = useCsrf();
  return useMutation({
    mutationFn: (id: string) =>
      adminRequest(`uploads/${encodeURIComponent(id)}/cancel`, {
        method: 'POST',
        csrf,
        schema: null,
      }),
  });
}

export function useRollback() {
  const csrf = useCsrf();
  const invalidate = useInvalidateEditions();
  return useMutation({
    mutationFn: (id: number) =>
      adminRequest(`editions/${id}/rollback`, {
        method: 'POST',
        csrf,
        schema: editionAnswerSchema,
      }),
    onSettled: invalidate,
  });
}
