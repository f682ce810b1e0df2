import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { ErrorCode } from '@shared/protocol'
import { CloudError, messageOf } from '@/services/cloud'
import { listNewsReports, removeNewsReport, saveNewsReport } from '@/services/organiser-edits'
import type { NewsInput, NewsReport } from '@/services/organiser-edits'

/** The list with `report` in its place as the function lists them: newest date first, the latest saved first among one date. */
function placed (list: NewsReport[], report: NewsReport): NewsReport[] {
  const others = list.filter((r) => r.id !== report.id)
  const at = others.findIndex((r) => r.date <= report.date)
  return at === -1 ? [...others, report] : [...others.slice(0, at), report, ...others.slice(at)]
}

/**
 * The reports organisers added: read when the editor appears (after the organiser check, so after
 * the page's first show) and whenever the page shows again; kept in step with each change.
 */
export function useNewsReports () {
  const [reports, setReports] = useState<NewsReport[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setReports(await listNewsReports())
      setLoadError(null)
    } catch (error) {
      setLoadError(messageOf(error))
    }
  }, [])
  const hidden = useRef(false)
  useEffect(() => { void load() }, [load])
  useDidHide(() => { hidden.current = true })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    void load()
  })

  /** Adds or replaces a report; rejects with the function's message (the form keeps its input). */
  const save = useCallback(async (input: NewsInput) => {
    const report = await saveNewsReport(input)
    setReports((list) => placed(list ?? [], report))
    return report
  }, [])

  /** Removes a report; one already removed by someone else counts as removed. */
  const remove = useCallback(async (id: string) => {
    try {
      await removeNewsReport(id)
    } catch (error) {
      if (!(error instanceof CloudError && error.code === ErrorCode.NEWS_NOT_FOUND)) throw error
    }
    setReports((list) => list?.filter((r) => r.id !== id) ?? list)
  }, [])

  return { reports, loadError, save, remove }
}
