/**
 * Type-only (tsc, never run): each platform twin's module exports exactly its contract, so the
 * twins cannot drift apart. A missing export or a different signature fails as "does not satisfy
 * the constraint"; an extra export too, unless listed as that twin's own (`Own`).
 */
import type { TabBarComponent } from '@/components/tab-bar/types'
import type { ReportLinkComponent } from '@/pages/index/report-link-types'
import type { A11yService } from '@/services/a11y-types'
import type { AppShellService } from '@/services/app-shell-types'
import type { BarsService } from '@/services/bars-types'
import type { PosterCanvas } from '@/services/canvas-types'
import type { CloudTransportService } from '@/services/cloud-transport-types'
import type { FilesService } from '@/services/files-types'
import type { InviteService } from '@/services/invite-types'
import type { LaunchService } from '@/services/launch-types'
import type { NetworkService } from '@/services/network-types'
import type { Privacy } from '@/services/privacy-types'
import type { PublicStatsService } from '@/services/public-stats-types'
import type { ShareCodeService } from '@/services/share-code-types'
import type { SystemFontService } from '@/services/system-font-types'
import type { WayBackService } from '@/services/way-back-types'

type Twin<Contract, Module extends Contract & Record<Exclude<keyof Module, keyof Contract | Own>, never>, Own extends PropertyKey = never> = Module

export type TwinContracts = [
  Twin<A11yService, typeof import('@/services/a11y.h5')>,
  Twin<A11yService, typeof import('@/services/a11y.weapp')>,
  Twin<AppShellService, typeof import('@/services/app-shell.h5')>,
  Twin<AppShellService, typeof import('@/services/app-shell.weapp')>,
  // CANVAS_READY_MS: the browser's wait for Taro's <Canvas> web component, which its test uses.
  Twin<BarsService, typeof import('@/services/bars.h5')>,
  Twin<BarsService, typeof import('@/services/bars.weapp')>,
  Twin<{ posterCanvas: PosterCanvas }, typeof import('@/services/canvas.h5'), 'CANVAS_READY_MS'>,
  Twin<{ posterCanvas: PosterCanvas }, typeof import('@/services/canvas.weapp')>,
  Twin<CloudTransportService, typeof import('@/services/cloud-transport.h5')>,
  Twin<CloudTransportService, typeof import('@/services/cloud-transport.weapp')>,
  Twin<FilesService, typeof import('@/services/files.h5')>,
  Twin<FilesService, typeof import('@/services/files.weapp')>,
  Twin<InviteService, typeof import('@/services/invite.h5')>,
  Twin<InviteService, typeof import('@/services/invite.weapp')>,
  Twin<LaunchService, typeof import('@/services/launch.h5')>,
  Twin<LaunchService, typeof import('@/services/launch.weapp')>,
  Twin<NetworkService, typeof import('@/services/network.h5')>,
  Twin<NetworkService, typeof import('@/services/network.weapp')>,
  Twin<{ privacy: Privacy }, typeof import('@/services/privacy.h5')>,
  Twin<{ privacy: Privacy }, typeof import('@/services/privacy.weapp')>,
  Twin<PublicStatsService, typeof import('@/services/public-stats.h5')>,
  Twin<PublicStatsService, typeof import('@/services/public-stats.weapp')>,
  // shareLink: the browser's pledge-page URL, which invite.h5.ts copies and the QR code carries.
  Twin<ShareCodeService, typeof import('@/services/share-code.h5'), 'shareLink'>,
  Twin<ShareCodeService, typeof import('@/services/share-code.weapp')>,
  Twin<SystemFontService, typeof import('@/services/system-font.h5')>,
  Twin<SystemFontService, typeof import('@/services/system-font.weapp')>,
  Twin<WayBackService, typeof import('@/services/way-back.h5')>,
  Twin<WayBackService, typeof import('@/services/way-back.weapp')>,
  Twin<{ default: TabBarComponent }, typeof import('@/components/tab-bar/index.h5')>,
  Twin<{ default: TabBarComponent }, typeof import('@/components/tab-bar/index.weapp')>,
  Twin<{ default: ReportLinkComponent }, typeof import('@/pages/index/report-link.h5')>,
  Twin<{ default: ReportLinkComponent }, typeof import('@/pages/index/report-link.weapp')>,
]
