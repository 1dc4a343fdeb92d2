"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { relabelCached } from "./label-cache";
import { deleteLabel, renameLabel } from "./task-api";
import { taskKeys } from "./task-keys";
import { useApi } from "./tasks-provider";

/**
 * Rename a label on every task (`PATCH /api/labels/{name}`), or remove it from every task
 * (`DELETE`). Once the API has done it, the cache shows it at once and everything is refetched.
 */
export function useLabelActions() {
  const api = useApi();
  const client = useQueryClient();
  const done = (from: string, to: string | null) => {
    relabelCached(client, from, to);
    void client.invalidateQueries({ queryKey: taskKeys.all });
  };
  const rename = useMutation({
    mutationKey: taskKeys.all,
    mutationFn: ({ from, to }: { from: string; to: string }) => renameLabel(api, from, to),
    onSuccess: (_nothing, { from, to }) => done(from, to),
  });
  const remove = useMutation({
    mutationKey: taskKeys.all,
    mutationFn: (name: string) => deleteLabel(api, name),
    onSuccess: (_nothing, name) => done(name, null),
  });
  return { rename, remove };
}
