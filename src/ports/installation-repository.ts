/** A chat platform's installation in one workspace (tokens sealed by the platform adapter). */
export interface SealedInstallation {
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
  installedAt: Date;
  sealed: string;
}

export interface InstallationRepository {
  save(installation: SealedInstallation): Promise<void>;
  find(key: string): Promise<SealedInstallation | null>;
  remove(key: string): Promise<void>;
}
